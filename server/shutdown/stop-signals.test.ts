import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { SAME_REQUEST_MS, watchStopSignals, type SignalSource, type StopSignal } from './stop-signals';

function harness(opts: { replace?: boolean } = {}) {
  const source = new EventEmitter();
  let t = 0;
  const calls: string[] = [];
  const unwatch = watchStopSignals(
    {
      begin: (s) => calls.push(`begin ${s}`),
      hurry: (s) => calls.push(`hurry ${s}`),
      repeat: (s) => calls.push(`repeat ${s}`),
    },
    { source: source as unknown as SignalSource, now: () => t, ...opts },
  );
  return {
    source,
    calls,
    unwatch,
    send: (s: StopSignal) => source.emit(s),
    advance: (ms: number) => void (t += ms),
  };
}

describe('watchStopSignals', () => {
  it('counts a burst of signals as one request to stop (a Ctrl-C delivered several ways)', () => {
    const h = harness();
    for (let i = 0; i < 10; i++) h.send('SIGINT');
    expect(h.calls).toEqual(['begin SIGINT', ...Array(9).fill('repeat SIGINT')]);
    // Still listening: a repeat never meets Node's default action, which would kill the process.
    expect(h.source.listenerCount('SIGINT')).toBe(1);
  });

  it('hurries once on a signal that comes later than the same request could', () => {
    const h = harness();
    h.send('SIGTERM');
    h.advance(SAME_REQUEST_MS - 1);
    h.send('SIGINT');
    h.advance(1);
    h.send('SIGINT');
    h.advance(5_000);
    h.send('SIGHUP');
    expect(h.calls).toEqual(['begin SIGTERM', 'repeat SIGINT', 'hurry SIGINT', 'repeat SIGHUP']);
  });

  it('replaces other listeners only when asked, and unwatches its own', () => {
    const kept = harness();
    const other = () => {};
    kept.source.on('SIGINT', other);
    expect(kept.source.listenerCount('SIGINT')).toBe(2);
    kept.unwatch();
    expect(kept.source.listeners('SIGINT')).toEqual([other]);

    const source = new EventEmitter();
    source.on('SIGTERM', other);
    watchStopSignals(
      { begin: () => {}, hurry: () => {} },
      { source: source as unknown as SignalSource, replace: true },
    );
    expect(source.listeners('SIGTERM')).not.toContain(other);
    expect(source.listenerCount('SIGTERM')).toBe(1);
  });
});
