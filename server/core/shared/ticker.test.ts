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
    const t = new Ticker(
      't',
      100,
      async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 250));
        running--;
        ticks++;
      },
      new FakeClock(),
      silentLogger,
      { scope: 'replica' },
    );
    t.start();
    t.kick();
    t.kick();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(maxRunning).toBe(1);
    expect(ticks).toBeGreaterThanOrEqual(2);
    await t.stop();
  });

  it('a due tick waits for one run by runOnce, never overlapping it', async () => {
    let running = 0;
    let maxRunning = 0;
    const t = new Ticker(
      't',
      10_000,
      async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 50));
        running--;
      },
      new FakeClock(),
      silentLogger,
      { scope: 'replica' },
    );
    t.start();
    t.kick();
    const once = t.runOnce();
    await vi.advanceTimersByTimeAsync(200);
    await once;
    expect(maxRunning).toBe(1);
    expect(t.snapshot().ticks).toBe(2);
    await t.stop();
  });

  it('records a failing tick and keeps looping', async () => {
    let n = 0;
    const t = new Ticker(
      'flaky',
      50,
      async () => {
        n++;
        if (n === 1) throw new Error('boom');
      },
      new FakeClock(),
      silentLogger,
      { scope: 'replica' },
    );
    t.start();
    await vi.advanceTimersByTimeAsync(500);
    const s = t.snapshot();
    expect(s).toMatchObject({ name: 'flaky', errors: 1, consecutiveErrors: 0, lastError: 'boom', running: true });
    expect(s.ticks).toBeGreaterThanOrEqual(3);
    await t.stop();
  });

  it('backs off while failing (doubling up to 30 s), ignores kicks meanwhile, and resumes its pace on success', async () => {
    const at: number[] = [];
    let failing = true;
    const t = new Ticker(
      'db-down',
      100,
      async () => {
        at.push(Date.now());
        if (failing) throw new Error('ECONNREFUSED');
      },
      new FakeClock(),
      silentLogger,
      { scope: 'replica' },
    );
    const start = Date.now();
    t.start();
    await vi.advanceTimersByTimeAsync(1);
    t.kick();
    await vi.advanceTimersByTimeAsync(3_800);
    expect(at.map((x) => x - start)).toEqual([0, 250, 750, 1750, 3750]);
    await vi.advanceTimersByTimeAsync(120_000);
    const gaps = at.slice(1).map((x, i) => x - at[i]);
    expect(Math.max(...gaps)).toBe(30_000);
    failing = false;
    await vi.advanceTimersByTimeAsync(30_000);
    const n = at.length;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(at.length - n).toBeGreaterThanOrEqual(9);
    expect(t.snapshot().consecutiveErrors).toBe(0);
    await t.stop();
  });

  it('stop() waits for the tick in flight and prevents further ticks', async () => {
    let finished = false;
    let ticks = 0;
    const t = new Ticker(
      'slow',
      10,
      async () => {
        ticks++;
        await new Promise((r) => setTimeout(r, 100));
        finished = true;
      },
      new FakeClock(),
      silentLogger,
      { scope: 'replica' },
    );
    t.start();
    await vi.advanceTimersByTimeAsync(1);
    const stopped = t.stop();
    await vi.advanceTimersByTimeAsync(100);
    await stopped;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ticks).toBe(1);
  });

  it('runs each tick inside the guard it was started with; a restart with a new guard never overlaps the old tick', async () => {
    const seen: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const t = new Ticker(
      'cluster-loop',
      50,
      async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 30));
        running--;
      },
      new FakeClock(),
      silentLogger,
      { scope: 'cluster' },
    );
    const guard = (term: string) => async (tick: () => Promise<void>) => {
      seen.push(`${term}:begin`);
      await tick();
      seen.push(`${term}:end`);
    };
    t.start(guard('epoch1'));
    await vi.advanceTimersByTimeAsync(1);
    // Lost and won again while the first tick is in flight: the next ticks run under the new term.
    void t.stop();
    t.start(guard('epoch2'));
    await vi.advanceTimersByTimeAsync(200);
    const stopped = t.stop();
    await vi.advanceTimersByTimeAsync(100);
    await stopped;
    expect(maxRunning).toBe(1);
    expect(seen.slice(0, 3)).toEqual(['epoch1:begin', 'epoch1:end', 'epoch2:begin']);
    expect(seen.filter((x) => x === 'epoch1:begin')).toHaveLength(1);
    expect(t.snapshot()).toMatchObject({ name: 'cluster-loop', scope: 'cluster', running: false });
  });

  it('a loop with its own backoff cap keeps trying at that pace while failing', async () => {
    const at: number[] = [];
    const t = new Ticker(
      'lease',
      100,
      async () => {
        at.push(Date.now());
        throw new Error('ECONNREFUSED');
      },
      new FakeClock(),
      silentLogger,
      { scope: 'replica', maxBackoffMs: 100 },
    );
    const start = Date.now();
    t.start();
    await vi.advanceTimersByTimeAsync(1_050);
    expect(at.map((x) => x - start)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    await t.stop();
  });
});
