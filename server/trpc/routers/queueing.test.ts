import { sql } from 'drizzle-orm';
import { unpackReplayInputs } from '@/server/adapters/store/replay-inputs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIORITIES, priorityRank } from '@/server/core/model';
import { agingBoundMs, orderQueue, queuePolicy, type QueuedEntry } from '@/server/core/tasks/queue-policy';
import {
  ADMIN_TOKEN,
  adminPrincipal,
  callerAs,
  httpCall,
  registerAgent,
  startTestRuntime,
} from '@/server/testing/test-runtime';

type TestRuntime = Awaited<ReturnType<typeof startTestRuntime>>;
const STEP_MS = 200;
let steady: TestRuntime;
let fast: TestRuntime;
beforeAll(async () => {
  steady = await startTestRuntime({ FLIGHTDECK_PROJECT_WEIGHTS: 'w-heavy=2' });
  fast = await startTestRuntime({ FLIGHTDECK_AGING_STEP_MS: String(STEP_MS) });
});
afterAll(async () => {
  await steady?.dispose();
  await fast?.dispose();
});

const admin = (rt: TestRuntime) => callerAs(rt, adminPrincipal);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
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

describe('queue order', () => {
  it('the store returns exactly the order of the policy (ageing, fair share, clocks, keys), at any limit', async () => {
    const policy = queuePolicy({ projectWeights: { 'w-heavy': 2 } });
    let seed = 7;
    const rand = (n: number) => {
      seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
      return (seed >>> 0) % n;
    };
    const projects = ['cmp-a', 'cmp-b', 'w-heavy'];
    const keys = [null, null, 'cmp-k1', 'cmp-k2'];
    const { ids } = await admin(steady).tasks.submit({
      tasks: Array.from({ length: 80 }, (_, i) => {
        const key = keys[rand(keys.length)];
        return {
          title: `cmp ${i}`,
          capabilities: ['cmp'],
          priority: PRIORITIES[rand(5)],
          project: projects[rand(3)],
          ...(key ? { concurrencyKey: key, concurrencyLimit: key === 'cmp-k1' ? 3 : 1 } : {}),
        };
      }),
    });
    // Half-step offsets keep every task clear of a step boundary while the query runs.
    for (const id of ids)
      await exec(
        steady,
        sql`update tasks set queued_at = date_trunc('milliseconds', now()) - ${(rand(6) + 0.5) * policy.agingStepMs}::float8 * interval '1 millisecond' where id = ${id}`,
      );
    // Some running work: per project for the fair share, per key for the limits.
    const usage = [...(await steady.store.tasks.concurrencyUsage(ids))];
    const firstOf = (key: string) => usage.find(([, u]) => u.key === key)![0];
    const running = [...new Set([...ids.slice(0, 4), firstOf('cmp-k1'), firstOf('cmp-k2')])];
    for (const id of running) await exec(steady, sql`update tasks set status = 'running' where id = ${id}`);
    await exec(
      steady,
      sql`insert into project_shares values ('cmp-a', 40, 41), ('cmp-b', 2, 3) on conflict (project) do update set last_start = excluded.last_start, finish = excluded.finish`,
    );

    const rows = await exec<Record<string, any>>(
      steady,
      sql`select *, extract(epoch from now()) * 1000 as now_ms from tasks where id in ${ids}`,
    );
    const active = rows.filter((r) => r.status === 'running');
    const count = (values: string[]) =>
      values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
    const shares = await exec<{ project: string; last_start: number; finish: number }>(
      steady,
      sql`select * from project_shares`,
    );
    const load = {
      runningByProject: count(active.map((r) => r.project)),
      activeByKey: count(active.filter((r) => r.concurrency_key).map((r) => r.concurrency_key)),
      finishByProject: new Map(shares.map((s) => [s.project, Number(s.finish)])),
      virtualTime: Math.max(0, ...shares.map((s) => Number(s.last_start))),
    };
    const entries: QueuedEntry[] = rows
      .filter((r) => r.status === 'queued')
      .map((r) => ({
        id: r.id,
        rank: Number(r.priority),
        project: r.project,
        queuedAt: new Date(r.queued_at).getTime(),
        seq: Number(r.seq),
        concurrencyKey: r.concurrency_key,
        concurrencyLimit: r.concurrency_limit,
      }));
    expect(load.activeByKey.size).toBe(2);
    expect(load.runningByProject.size).toBeGreaterThan(1);
    for (const limit of [5, 17, 200]) {
      const expected = orderQueue(entries, load, policy, Number(rows[0].now_ms), limit).map((e) => e.id);
      const got = (await steady.store.tasks.queued(limit, [['cmp']])).map((t) => t.id);
      expect(got).toEqual(expected);
    }
    expect((await steady.store.tasks.queued(200, [['cmp']])).length).toBeLessThan(entries.length);
    await exec(steady, sql`update tasks set status = 'cancelled' where id in ${ids}`);
  });

  it('a waiting background task is handed out as critical after 4 ageing steps, before critical work queued after it', async () => {
    await admin(fast).tasks.submit({ title: 'old bg', capabilities: ['age'], priority: 'background' });
    await sleep(agingBoundMs(priorityRank('background'), STEP_MS) + STEP_MS / 2);
    await admin(fast).tasks.submit({
      tasks: [
        { title: 'new crit', capabilities: ['age'], priority: 'critical' },
        { title: 'new normal', capabilities: ['age'] },
      ],
    });
    expect(await drain(fast, 'age-agent', 'age', 3)).toEqual(['old bg', 'new crit', 'new normal']);
  });

  it('starvation: under a saturating stream of high-priority work a background task starts within the documented bound', async () => {
    // Its own server with longer steps: the early backlog must drain well inside the ageing bound
    // even on a loaded machine, or no later task could overtake the background one at all.
    const step = 500;
    const starving = await startTestRuntime({ FLIGHTDECK_AGING_STEP_MS: String(step) });
    const backlog = 4;
    await admin(starving).tasks.submit({
      tasks: Array.from({ length: backlog }, (_, i) => ({
        title: `early ${i}`,
        capabilities: ['starve'],
        priority: 'high' as const,
      })),
    });
    const {
      ids: [bgId],
    } = await admin(starving).tasks.submit({ title: 'bg', capabilities: ['starve'], priority: 'background' });
    const agent = await registerAgent(starving, { name: 'starve-agent', capabilities: ['starve'] });
    const started = Date.now();
    let served = 0;
    let overtook = 0;
    for (let n = 0; Date.now() - started < 10_000; n++) {
      const w = (await agent.caller.work.poll({ waitMs: 3000 }))!;
      if (w.taskId === bgId) break;
      served++;
      if (w.title.startsWith('later')) overtook++;
      // Keep the queue full of fresh high-priority work.
      await admin(starving).tasks.submit({ title: `later ${n}`, capabilities: ['starve'], priority: 'high' });
      await sleep(5);
      await agent.caller.work.complete({ taskId: w.taskId, leaseToken: w.leaseToken });
    }
    const bg = await admin(starving).tasks.get({ id: bgId });
    expect(bg.status).toBe('assigned');
    const waited = bg.assignedAt! - bg.queuedAt;
    const perTask = (Date.now() - started) / Math.max(1, served);
    // The bound: 4 steps, plus draining what was queued before it, plus a dispatch pass or two.
    expect(waited).toBeLessThanOrEqual(agingBoundMs(4, step) + backlog * perTask + 500);
    expect(overtook).toBeGreaterThan(0);
    expect(waited).toBeGreaterThanOrEqual(2 * step);
    await admin(starving).tasks.cancel({ id: bgId });
    await starving.dispose();
  });
});

describe('fair share', () => {
  it('interleaves a project with 10 waiting and one with 2, even for one agent taking one task at a time', async () => {
    await admin(steady).tasks.submit({
      tasks: Array.from({ length: 10 }, (_, i) => ({ title: `a${i}`, capabilities: ['fair'], project: 'fs-a' })),
    });
    await admin(steady).tasks.submit({
      tasks: [
        { title: 'b0', capabilities: ['fair'], project: 'fs-b' },
        { title: 'b1', capabilities: ['fair'], project: 'fs-b' },
      ],
    });
    expect(await drain(steady, 'fair-agent', 'fair', 5)).toEqual(['a0', 'b0', 'a1', 'b1', 'a2']);
  });

  it('serves a project of weight 2 twice as often', async () => {
    const spec = (project: string) =>
      Array.from({ length: 9 }, (_, i) => ({ title: `${project} ${i}`, capabilities: ['weight'], project }));
    await admin(steady).tasks.submit({ tasks: [...spec('w-heavy'), ...spec('w-light')] });
    const got = await drain(steady, 'weight-agent', 'weight', 9);
    expect(got.filter((t) => t.startsWith('w-heavy'))).toHaveLength(6);
  });

  it('shares the slots of a parallel agent by running tasks per project', async () => {
    await admin(steady).tasks.submit({
      tasks: [
        ...Array.from({ length: 6 }, (_, i) => ({ title: `p-a${i}`, capabilities: ['par'], project: 'par-a' })),
        ...Array.from({ length: 6 }, (_, i) => ({ title: `p-b${i}`, capabilities: ['par'], project: 'par-b' })),
      ],
    });
    const agent = await registerAgent(steady, { name: 'par-agent', capabilities: ['par'], maxConcurrency: 4 });
    await agent.caller.agents.heartbeat({});
    await steady.core.dispatchNow();
    const { assignments } = await agent.caller.work.pollBatch({ waitMs: 1000, max: 4 });
    expect(assignments.map((a) => a.title).sort()).toEqual(['p-a0', 'p-a1', 'p-b0', 'p-b1']);
  });
});

describe('concurrency keys', () => {
  it('never runs more tasks of a key than its limit, across dispatch passes', async () => {
    const { ids } = await admin(steady).tasks.submit({
      tasks: Array.from({ length: 5 }, (_, i) => ({
        title: `k${i}`,
        capabilities: ['ckey'],
        concurrencyKey: 'deploy',
        concurrencyLimit: 2,
      })),
    });
    await admin(steady).tasks.submit({ title: 'no key', capabilities: ['ckey'] });
    const agent = await registerAgent(steady, { name: 'ckey-agent', capabilities: ['ckey'], maxConcurrency: 5 });
    const done: string[] = [];
    const activeOfKey = async () =>
      (await admin(steady).tasks.list({ search: 'k', status: ['assigned', 'running'] })).items.filter(
        (t) => t.concurrencyKey === 'deploy',
      );
    for (let round = 0; round < 6 && done.length < 6; round++) {
      const { assignments } = await agent.caller.work.pollBatch({ waitMs: 500, max: 5 });
      const active = await activeOfKey();
      expect(active.length).toBeLessThanOrEqual(2);
      const queued = ids.filter((id) => !done.includes(id) && !active.some((t) => t.id === id));
      if (queued.length && active.length === 2) {
        const usage = await steady.store.tasks.concurrencyUsage(queued);
        expect(usage.get(queued[0])).toEqual({ key: 'deploy', running: 2, limit: 2 });
      }
      for (const a of assignments) {
        await agent.caller.work.complete({ taskId: a.taskId, leaseToken: a.leaseToken });
        done.push(a.taskId);
      }
    }
    expect(done).toHaveLength(6);
  });

  it('a key without a limit runs one task at a time', async () => {
    const { ids } = await admin(steady).tasks.submit({
      tasks: [
        { title: 'solo 1', capabilities: ['solo'], concurrencyKey: 'solo' },
        { title: 'solo 2', capabilities: ['solo'], concurrencyKey: 'solo' },
      ],
    });
    expect((await admin(steady).tasks.get({ id: ids[0] })).concurrencyLimit).toBe(1);
    expect((await steady.store.tasks.queued(10, [['solo']])).map((t) => t.title)).toEqual(['solo 1']);
  });
});

describe('assignment decisions', () => {
  it('keep the replay snapshot (strategy weights, candidate inputs) as json', async () => {
    const {
      ids: [id],
    } = await admin(steady).tasks.submit({ title: 'recorded', capabilities: ['rec'] });
    expect(await drain(steady, 'rec-agent', 'rec', 1)).toEqual(['recorded']);
    const [d] = await exec<Record<string, any>>(
      steady,
      sql`select weights, inputs, pg_typeof(candidates)::text as type from assignment_decisions where task_id = ${id}`,
    );
    expect(d.type).toBe('json');
    expect(typeof d.weights).toBe('object');
    expect(unpackReplayInputs(d.inputs)).toEqual([expect.objectContaining({ agentId: expect.any(String) })]);
  });
});

describe('bad input gets a 400 naming the field, and writes nothing', () => {
  const countTasks = async () =>
    Number((await exec<{ n: number }>(steady, sql`select count(*)::int as n from tasks`))[0].n);

  it.each([
    [{ title: 'x', concurrencyKey: 'k', concurrencyLimit: 0 }, /concurrencyLimit: must be ≥ 1/],
    [{ title: 'x', concurrencyLimit: 2 }, /concurrencyLimit: needs a concurrencyKey/],
    [{ title: 'x', project: ' ' }, /project: must not be empty/],
    [
      { title: 'x', dependsOn: Array.from({ length: 101 }, (_, i) => `t${i}`) },
      /dependsOn: must hold at most 100 task ids/,
    ],
    [{ title: 'x', dependsOn: ['tsk_nope'] }, /dependsOn\.0: task tsk_nope not found/],
    [
      { tasks: [{ title: 'ok' }, { title: 'bad', dependsOn: ['tsk_nope'] }] },
      /tasks\.1\.dependsOn\.0: task tsk_nope not found/,
    ],
  ])('%j', async (input, message) => {
    const before = await countTasks();
    const res = await httpCall(steady, 'tasks.submit', { input, token: ADMIN_TOKEN });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(message);
    expect(await countTasks()).toBe(before);
  });

  it('refuses a dependency that already failed', async () => {
    const {
      ids: [a],
    } = await admin(steady).tasks.submit({ title: 'doomed', capabilities: ['nobody'] });
    await admin(steady).tasks.cancel({ id: a });
    const res = await httpCall(steady, 'tasks.submit', { input: { title: 'x', dependsOn: [a] }, token: ADMIN_TOKEN });
    expect(res.status).toBe(400);
    expect(res.error?.message).toBe(`dependsOn.0: task ${a} is cancelled, so this task could never run`);
  });
});
