import { describe, expect, it } from 'vitest';
import { PollWaiters } from './poll-waiters';

describe('PollWaiters', () => {
  it('wakes only the waiters of the agent that got work', async () => {
    const w = new PollWaiters();
    const a = w.register('a');
    const b = w.register('b');
    let aWoke = false;
    let bWoke = false;
    const pa = a.wait(10_000).then(() => (aWoke = true));
    void b.wait(50).then(() => (bWoke = true));
    w.wake('a');
    await pa;
    expect(aWoke).toBe(true);
    expect(bWoke).toBe(false);
    expect(w.waiting).toBe(1);
  });

  it('does not miss a wake-up that comes between register and wait', async () => {
    const w = new PollWaiters();
    const a = w.register('a');
    w.wake('a');
    const started = Date.now();
    await a.wait(5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(w.waiting).toBe(0);
  });

  it('times out and can be aborted', async () => {
    const w = new PollWaiters();
    const started = Date.now();
    await w.register('x').wait(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    const ac = new AbortController();
    const p = w.register('y').wait(60_000, ac.signal);
    ac.abort();
    await p;
    expect(w.waiting).toBe(0);
  });
});
