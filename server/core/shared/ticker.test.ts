import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeClock, silentLogger } from '../testing/fakes';
import { Ticker } from './ticker';

describe('Ticker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ticks on its interval and never runs two ticks at once', async () => {
    let running = 0;
    let maxRunning = 0;
    let ticks = 0;
    const t = new Ticker('t', 100, async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 250));
      running--;
      ticks++;
    }, new FakeClock(), silentLogger);
    t.start();
    t.kick();
    t.kick();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(maxRunning).toBe(1);
    expect(ticks).toBeGreaterThanOrEqual(2);
    await t.stop();
  });

  it('records a failing tick and keeps looping', async () => {
    let n = 0;
    const t = new Ticker('flaky', 50, async () => {
      n++;
      if (n === 1) throw new Error('boom');
    }, new FakeClock(), silentLogger);
    t.start();
    await vi.advanceTimersByTimeAsync(200);
    const s = t.snapshot();
    expect(s).toMatchObject({ name: 'flaky', errors: 1, lastError: 'boom', running: true });
    expect(s.ticks).toBeGreaterThanOrEqual(3);
    await t.stop();
  });

  it('stop() waits for the tick in flight and prevents further ticks', async () => {
    let finished = false;
    let ticks = 0;
    const t = new Ticker('slow', 10, async () => {
      ticks++;
      await new Promise((r) => setTimeout(r, 100));
      finished = true;
    }, new FakeClock(), silentLogger);
    t.start();
    await vi.advanceTimersByTimeAsync(1);
    const stopped = t.stop();
    await vi.advanceTimersByTimeAsync(100);
    await stopped;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ticks).toBe(1);
  });
});
