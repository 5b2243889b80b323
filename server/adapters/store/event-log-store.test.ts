import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, startTestRuntime } from '@/server/testing/test-runtime';
import { databaseLogWakeups } from './log-wakeups';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => {
  await rt.dispose();
});

const submit = (title: string) => callerAs(rt, adminPrincipal).tasks.submit({ title, capabilities: ['none'] });

describe('event log store', () => {
  it('reads events after a position in commit order, and knows its ends', async () => {
    const before = await rt.store.events.head();
    const { ids } = await submit('log-a');
    await submit('log-b');
    const events = await rt.store.events.after(before, 10);
    expect(events.map((e) => e.name)).toEqual(['task:submitted', 'task:submitted']);
    expect(events[0].payload).toMatchObject({ taskIds: ids, status: 'queued' });
    expect(Number(events[1].id)).toBeGreaterThan(Number(events[0].id));
    expect(await rt.store.events.head()).toBe(Number(events[1].id));
    expect(await rt.store.events.oldest()).toBeLessThanOrEqual(Number(events[0].id));
    expect(await rt.store.events.after(before, 1)).toHaveLength(1);
  });

  it('prunes events past the retention in batches, never past a durable consumer that has not handled them', async () => {
    await submit('old-1');
    await submit('old-2');
    await submit('old-3');
    const head = await rt.store.events.head();
    // The runtime's own durable consumers (notifications) catch up first: only the slow one below holds pruning back.
    await expect
      .poll(async () => (await rt.store.events.consumers()).every((c) => c.position >= head), { timeout: 10_000 })
      .toBe(true);
    // Everything written so far is "two days old".
    await rt.database.db.execute(sql`update events set at = now() - interval '2 days'`);
    const slow = await rt.store.events.cursor('test-slow-consumer', head - 2);
    expect(slow).toBe(head - 2);
    const day = 24 * 3_600_000;
    // The consumer still needs the last two: everything before them may go, two per batch.
    expect(await rt.store.events.prune(day, 2)).toBe(2);
    let deleted = 2;
    for (let n = 2; n === 2; deleted += n) n = await rt.store.events.prune(day, 2);
    expect(await rt.store.events.oldest()).toBe(head - 1);
    expect(deleted).toBeGreaterThanOrEqual(3);
    expect(await rt.store.events.consumers()).toContainEqual({
      name: 'test-slow-consumer',
      position: head - 2,
      behind: 2,
    });
    // Once it has caught up, the rest goes too; a younger event stays.
    expect(await rt.store.events.advance('test-slow-consumer', head - 2, head)).toBe(true);
    await submit('young');
    expect(await rt.store.events.prune(day, 100)).toBe(2);
    expect((await rt.store.events.after(0, 10)).map((e) => e.name)).toEqual(['task:submitted']);
  });

  it('wakes a watcher when a change commits (NOTIFY on PostgreSQL, in-process on PGlite)', async () => {
    let wakes = 0;
    const stop = await databaseLogWakeups(rt.database).watch(() => wakes++);
    try {
      await new Promise((r) => setTimeout(r, 100));
      const before = wakes;
      const started = performance.now();
      await submit('wake-me');
      await expect.poll(() => wakes, { timeout: 900, interval: 5 }).toBeGreaterThan(before);
      // Well inside the reader's 1 s poll: the wake-up, not the poll, brought it.
      expect(performance.now() - started).toBeLessThan(900);
    } finally {
      await stop();
    }
  });

  it('moves a consumer cursor only from where the caller saw it', async () => {
    const at = await rt.store.events.cursor('test-cas', 5);
    expect(await rt.store.events.cursor('test-cas', 99)).toBe(at);
    expect(await rt.store.events.advance('test-cas', 5, 7)).toBe(true);
    expect(await rt.store.events.advance('test-cas', 5, 9)).toBe(false);
    expect(await rt.store.events.cursor('test-cas', 0)).toBe(7);
  });
});
