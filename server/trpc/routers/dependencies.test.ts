import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';

type TestRuntime = Awaited<ReturnType<typeof startTestRuntime>>;
let steady: TestRuntime;
beforeAll(async () => {
  steady = await startTestRuntime();
});
afterAll(async () => {
  await steady?.dispose();
});

const admin = (rt: TestRuntime) => callerAs(rt, adminPrincipal);
const exec = <T = Record<string, unknown>>(rt: TestRuntime, q: ReturnType<typeof sql>) =>
  rt.database.db.execute(q).then((r) => (r as unknown as { rows: T[] }).rows);

/** An agent that takes tasks one at a time and completes each: the titles it got, in order. */
async function drain(rt: TestRuntime, name: string, capability: string, count: number): Promise<string[]> {
  const agent = await registerAgent(rt, { name, capabilities: [capability] });
  const titles: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = await agent.caller.work.poll({ waitMs: 3000 });
    if (!w) break;
    titles.push(w.title);
    await agent.caller.work.complete({ taskId: w.taskId, leaseToken: w.leaseToken });
  }
  return titles;
}

describe('dependencies', () => {
  it('a dependent stays blocked until its dependency succeeds, then runs', async () => {
    const {
      ids: [dep],
    } = await admin(steady).tasks.submit({ title: 'build', capabilities: ['dep'] });
    const {
      ids: [child],
    } = await admin(steady).tasks.submit({ title: 'test', capabilities: ['dep'], dependsOn: [dep] });
    expect(await admin(steady).tasks.get({ id: child })).toMatchObject({ status: 'blocked', dependsOn: [dep] });
    const agent = await registerAgent(steady, { name: 'dep-agent', capabilities: ['dep'] });
    const first = (await agent.caller.work.poll({ waitMs: 3000 }))!;
    expect(first.taskId).toBe(dep);
    expect(await agent.caller.work.poll({ waitMs: 200 })).toBeNull();
    expect((await steady.store.tasks.blockers([child])).get(child)).toEqual([{ taskId: dep, status: 'assigned' }]);
    await agent.caller.work.complete({ taskId: dep, leaseToken: first.leaseToken });
    expect((await admin(steady).tasks.get({ id: child })).status).toBe('queued');
    expect((await agent.caller.work.poll({ waitMs: 3000 }))?.taskId).toBe(child);
    const {
      ids: [late],
    } = await admin(steady).tasks.submit({ title: 'after success', capabilities: ['nobody'], dependsOn: [dep] });
    expect((await admin(steady).tasks.get({ id: late })).status).toBe('queued');
  });

  it('waits for every dependency', async () => {
    const {
      ids: [x, y],
    } = await admin(steady).tasks.submit({
      tasks: [
        { title: 'x', capabilities: ['both'] },
        { title: 'y', capabilities: ['both'] },
      ],
    });
    const {
      ids: [z],
    } = await admin(steady).tasks.submit({ title: 'z', capabilities: ['both'], dependsOn: [x, y, x] });
    expect((await admin(steady).tasks.get({ id: z })).dependsOn).toEqual([x, y]);
    expect(await drain(steady, 'both-agent', 'both', 3)).toEqual(['x', 'y', 'z']);
  });

  it('a failed dependency cancels its dependents with the reason, transitively', async () => {
    const {
      ids: [a],
    } = await admin(steady).tasks.submit({ title: 'a', capabilities: ['cascade'] });
    const {
      ids: [b],
    } = await admin(steady).tasks.submit({ title: 'b', capabilities: ['cascade'], dependsOn: [a] });
    const {
      ids: [c],
    } = await admin(steady).tasks.submit({ title: 'c', capabilities: ['cascade'], dependsOn: [b] });
    const agent = await registerAgent(steady, { name: 'cascade-agent', capabilities: ['cascade'] });
    const w = (await agent.caller.work.poll({ waitMs: 3000 }))!;
    await agent.caller.work.fail({ taskId: a, leaseToken: w.leaseToken, error: 'broken', retryable: false });
    expect(await admin(steady).tasks.get({ id: b })).toMatchObject({
      status: 'cancelled',
      error: `dependency ${a} failed`,
    });
    expect(await admin(steady).tasks.get({ id: c })).toMatchObject({
      status: 'cancelled',
      error: `dependency ${b} cancelled`,
    });
  });

  it('cancelling a dependency, or losing it on its last attempt, cancels its dependents', async () => {
    const {
      ids: [a, lost],
    } = await admin(steady).tasks.submit({
      tasks: [
        { title: 'to cancel', capabilities: ['nobody'] },
        { title: 'to lose', capabilities: ['lose'], maxAttempts: 1 },
      ],
    });
    const {
      ids: [b, c],
    } = await admin(steady).tasks.submit({
      tasks: [
        { title: 'b', capabilities: ['nobody'], dependsOn: [a] },
        { title: 'c', capabilities: ['nobody'], dependsOn: [lost] },
      ],
    });
    await admin(steady).tasks.cancel({ id: a });
    expect(await admin(steady).tasks.get({ id: b })).toMatchObject({
      status: 'cancelled',
      error: `dependency ${a} cancelled`,
    });
    const agent = await registerAgent(steady, { name: 'lose-agent', capabilities: ['lose'] });
    expect((await agent.caller.work.poll({ waitMs: 3000 }))?.taskId).toBe(lost);
    await agent.caller.agents.deregister();
    expect(await admin(steady).tasks.get({ id: c })).toMatchObject({
      status: 'cancelled',
      error: `dependency ${lost} dead-lettered`,
    });
  });

  it('a blocked task can be cancelled, and the recovery sweep settles what a cut-short write left blocked', async () => {
    const {
      ids: [a],
    } = await admin(steady).tasks.submit({ title: 'a', capabilities: ['nobody'] });
    const {
      ids: [b, c],
    } = await admin(steady).tasks.submit({
      tasks: [
        { title: 'b', capabilities: ['nobody'], dependsOn: [a] },
        { title: 'c', capabilities: ['nobody'], dependsOn: [a] },
      ],
    });
    expect((await admin(steady).tasks.cancel({ id: c })).status).toBe('cancelled');
    await exec(steady, sql`update tasks set status = 'succeeded' where id = ${a}`);
    expect(await steady.store.tasks.settleBlocked()).toEqual({ released: [b], cancelled: [] });
    expect((await admin(steady).tasks.get({ id: b })).status).toBe('queued');
  });
});
