import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => {
  await rt.dispose();
});

type Tracked = { id: string; data: { name: string; payload: any } };

/** Reads `n` task:submitted events (others, such as the alert evaluator's, pass by) from a live subscription, then closes it. */
async function take(lastEventId: string | null, n: number, during?: () => Promise<unknown>): Promise<Tracked[]> {
  const ac = new AbortController();
  const caller = callerAs(rt, adminPrincipal, ac.signal);
  // Server-side, a tracked event is the envelope [id, data]; over SSE the id becomes the event id.
  const iterable = (await caller.events.live({ lastEventId })) as unknown as AsyncIterable<[string, Tracked['data']]>;
  const got: Tracked[] = [];
  const reading = (async () => {
    for await (const [id, data] of iterable) {
      if (data.name === 'task:submitted' || data.name === 'resync') got.push({ id, data });
      if (got.length >= n) break;
    }
  })();
  await new Promise((r) => setTimeout(r, 50));
  await during?.();
  await Promise.race([
    reading,
    new Promise((_, rej) => setTimeout(() => rej(new Error(`only ${got.length} of ${n} events arrived`)), 5000)),
  ]);
  ac.abort();
  return got;
}

describe('live events', () => {
  it('streams core events with tracked ids', async () => {
    const events = await take(null, 1, () =>
      callerAs(rt, adminPrincipal).tasks.submit({ title: 'ev', capabilities: ['none'] }),
    );
    expect(events[0].data).toMatchObject({ name: 'task:submitted', payload: { taskIds: [expect.any(String)] } });
    expect(events[0].id).toBeTruthy();
  });

  it('resumes after the last id it saw, delivering what it missed in order', async () => {
    const caller = callerAs(rt, adminPrincipal);
    const [first] = await take(null, 1, () => caller.tasks.submit({ title: 'a', capabilities: ['none'] }));
    // While "disconnected", two more tasks are submitted.
    const b = await caller.tasks.submit({ title: 'b', capabilities: ['none'] });
    const c = await caller.tasks.submit({ title: 'c', capabilities: ['none'] });
    const missed = await take(first.id, 2);
    expect(missed.map((e) => e.data.payload.taskIds[0])).toEqual([b.ids[0], c.ids[0]]);
  });

  it('asks the client to resync when the id is unknown or too old', async () => {
    const [e] = await take('0-1', 1);
    expect(e.data.name).toBe('resync');
  });
});
