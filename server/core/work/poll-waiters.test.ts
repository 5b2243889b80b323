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

describe('hand-off from the dispatcher', () => {
  it('only an open poll can be claimed, and it receives the assignment even past its deadline', async () => {
    const w = new PollWaiters();
    const poll = w.register('a');
    expect(w.claim('a')).toBeNull(); // still reading the store
    poll.open();
    const give = w.claim('a')!;
    expect(give).toBeTypeOf('function');
    expect(w.claim('a')).toBeNull(); // one assignment per poll
    const got = poll.wait(10);
    await new Promise((r) => setTimeout(r, 30));
    give({
      taskId: 't1',
      attempt: 1,
      leaseToken: 'l',
      title: 't',
      payload: null,
      capabilities: [],
      priority: 'normal',
      contextKey: null,
      timeoutMs: null,
    });
    expect((await got)?.taskId).toBe('t1');
    expect(w.waiting).toBe(0);
  });

  it('a wake-up does not disturb a claimed poll', async () => {
    const w = new PollWaiters();
    const poll = w.register('a');
    poll.open();
    const give = w.claim('a')!;
    w.wake('a');
    const got = poll.wait(1_000);
    give(null);
    expect(await got).toBeNull();
  });
});
