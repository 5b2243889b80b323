import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime({ FLIGHTDECK_DEMO: '0' });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);
const titles = (page: { items: { title: string }[] }) => page.items.map((t) => t.title).sort();

describe('tasks.list in a time window (a click on a chart bar)', () => {
  it('finds the tasks finished in [since, until), or created in it, by epoch ms or ISO time', async () => {
    const worker = await registerAgent(rt, { name: 'win-1', capabilities: ['win'] });
    await admin().tasks.submit({
      tasks: [
        { title: 'early', capabilities: ['win'] },
        { title: 'late', capabilities: ['win'] },
        { title: 'never', capabilities: ['nobody-win'] },
      ],
    });
    const created = Date.now();
    const finishOne = async () => {
      const w = (await worker.caller.work.poll({ waitMs: 3000 }))!;
      await worker.caller.work.complete({ taskId: w.taskId, leaseToken: w.leaseToken });
    };
    const t0 = Date.now() - 1;
    await finishOne();
    await new Promise((r) => setTimeout(r, 50));
    const t1 = Date.now();
    await finishOne();
    const t2 = Date.now() + 1;

    expect(titles(await admin().tasks.list({ since: t0, until: t1 }))).toEqual(['early']);
    expect(
      titles(await admin().tasks.list({ since: new Date(t1).toISOString(), until: new Date(t2).toISOString() })),
    ).toEqual(['late']);
    expect(titles(await admin().tasks.list({ since: t0, until: t2, status: ['succeeded'] }))).toEqual([
      'early',
      'late',
    ]);
    // The unfinished task has no finish time; on the creation time all three were made before `created`.
    expect(titles(await admin().tasks.list({ until: created + 1, timeField: 'created' }))).toEqual([
      'early',
      'late',
      'never',
    ]);
    expect(titles(await admin().tasks.list({ since: t2 + 60_000 }))).toEqual([]);
  });

  it.each([
    [{ since: 2_000, until: 1_000 }, /"until"[\s\S]*must be later than since/],
    [{ since: 1_000, until: 1_000 }, /"until"[\s\S]*must be later than since/],
    [{ since: 'yesterday' }, /"since"/],
    [{ until: '2026-13-45T99:00:00Z' }, /"until"/],
    [{ since: -5 }, /"since"/],
    [{ since: 1, timeField: 'started' }, /"timeField"/],
  ])('refuses %j with an error naming the field', async (input, message) => {
    const err = await admin()
      .tasks.list(input as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('BAD_REQUEST');
    expect((err as TRPCError).message).toMatch(message);
  });
});
