import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coefficientOfVariation } from '@/server/core/balancing/what-if';
import {
  ADMIN_TOKEN,
  adminPrincipal,
  callerAs,
  httpCall,
  registerAgent,
  startTestRuntime,
} from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);

/** Runs `n` tasks needing `cap` through the given agents, one poll each in turn, to completion. */
async function runTasks(agents: Awaited<ReturnType<typeof registerAgent>>[], cap: string, n: number) {
  const { ids } = await admin().tasks.submit({
    tasks: Array.from({ length: n }, (_, i) => ({ title: `${cap}-${i}`, capabilities: [cap] })),
  });
  let done = 0;
  while (done < n) {
    const polled = await Promise.all(
      agents.map((a) => a.caller.work.poll({ waitMs: 200, start: true }).then((w) => ({ a, w }))),
    );
    for (const { a, w } of polled) {
      if (!w) continue;
      await a.caller.work.complete({ taskId: w.taskId, leaseToken: w.leaseToken });
      done++;
    }
  }
  return ids;
}

describe('routing policy', () => {
  it('starts on the composite default, and an operator switch takes effect and is recorded with who and when', async () => {
    const before = await admin().balancing.policy();
    expect(before.current).toMatchObject({ strategy: 'composite', changedBy: null });
    expect(before.strategies.map((s) => s.name)).toContain('round-robin');

    const changed = await admin().balancing.setStrategy({ strategy: { name: 'round-robin' } });
    expect(changed).toMatchObject({
      strategy: 'round-robin',
      changedBy: { kind: 'api-token', id: 'tok_test', name: 'test-admin' },
    });
    const after = await admin().balancing.policy();
    expect(after.history[0]).toMatchObject({
      strategy: 'round-robin',
      changedBy: { kind: 'api-token', id: 'tok_test', name: 'test-admin' },
      scope: 'global',
    });
    expect(after.history[0].changedAt).toBeGreaterThan(Date.now() - 60_000);

    const agent = await registerAgent(rt, { name: 'rr-1', capabilities: ['rr'] });
    await agent.caller.agents.heartbeat({});
    const [id] = await runTasks([agent], 'rr', 1);
    const detail = await admin().tasks.detail({ id });
    expect(detail.decisions[0].strategy).toBe('round-robin');

    await admin().balancing.setStrategy({ strategy: { name: 'composite' } });
  });

  it('refuses unknown strategies and bad weights with a 400 naming the field, and changes nothing', async () => {
    const set = (strategy: unknown) =>
      httpCall(rt, 'balancing.setStrategy', { input: { strategy }, token: ADMIN_TOKEN });
    const cases: [unknown, string][] = [
      [{ name: 'random' }, 'strategy.name'],
      [{ name: 'composite', weights: { load: -1 } }, 'strategy.weights.load'],
      [{ name: 'composite', weights: { speed: 1 } }, 'unknown weight "speed"'],
    ];
    for (const [strategy, named] of cases) {
      const res = await set(strategy);
      expect(res.status).toBe(400);
      expect(res.error?.message).toContain(named);
    }
    const policy = await admin().balancing.policy();
    expect(policy.current.strategy).toBe('composite');
    expect(policy.history.filter((h) => h.strategy !== 'round-robin' && h.strategy !== 'composite')).toEqual([]);
  });
});

describe('what-if replay', () => {
  it('replays the recorded window: same strategy reproduces it, numbers match a recomputation from the records', async () => {
    await admin().balancing.setStrategy({ strategy: { name: 'least-loaded' } });
    const agents = await Promise.all(
      ['wi-a', 'wi-b', 'wi-c'].map((name, i) =>
        registerAgent(rt, { name, capabilities: ['whatif'], maxConcurrency: i + 1 }),
      ),
    );
    for (const a of agents) await a.caller.agents.heartbeat({});
    const ids = await runTasks(agents, 'whatif', 12);
    await admin().balancing.setStrategy({ strategy: { name: 'composite' } });

    const decisions = (await Promise.all(ids.map((id) => admin().tasks.detail({ id })))).map((d) => d.decisions[0]);
    const recordedPerAgent = new Map<string, number>();
    for (const d of decisions)
      recordedPerAgent.set(d.winnerAgentName, (recordedPerAgent.get(d.winnerAgentName) ?? 0) + 1);

    const same = await admin().balancing.whatIf({ strategy: { name: 'least-loaded' }, decisions: 12 });
    expect(same.decisions).toBe(12);
    expect(same.changed).toBe(0);
    const byName = new Map(same.perAgent.map((p) => [p.agentName, p]));
    for (const [name, n] of recordedPerAgent) expect(byName.get(name)).toMatchObject({ recorded: n, replayed: n });
    // Imbalance: coefficient of variation of assignments per concurrency slot, over the agents seen.
    const slots = new Map(agents.map((a, i) => [['wi-a', 'wi-b', 'wi-c'][i], i + 1]));
    const perSlot = same.perAgent.map((p) => p.recorded / slots.get(p.agentName)!);
    expect(same.imbalance.recorded).toBeCloseTo(coefficientOfVariation(perSlot), 3);
    expect(same.imbalance.replayed).toBeCloseTo(same.imbalance.recorded, 6);

    const rr = await admin().balancing.whatIf({ strategy: { name: 'round-robin' }, decisions: 12 });
    expect(rr.perAgent.reduce((n, p) => n + p.replayed, 0)).toBe(12);
    expect(rr.from).toBeLessThanOrEqual(rr.to!);
  });

  it('reports where work went: assignments per agent add up to the decisions in the window', async () => {
    const dist = await admin().balancing.distribution({ range: '15m' });
    const recent = await admin().balancing.decisions({ limit: 200 });
    expect(dist.assignments.reduce((n, a) => n + a.assignments, 0)).toBe(recent.length);
    expect(dist.imbalance).toBeGreaterThanOrEqual(0);
    expect(dist.agents.map((a) => a.agentName)).toEqual(expect.arrayContaining(['wi-a', 'wi-b', 'wi-c']));
    // The heatmap's columns and the imbalance buckets follow the range.
    const week = await admin().balancing.distribution({ range: '7d' });
    expect(week.windowMs).toBe(7 * 24 * 3_600_000);
    expect(week.heatmap.columns).toBe(84);
    expect(dist.heatmap.columns).toBe(60);
    expect(week.imbalanceSeries.bucketMs).toBeGreaterThan(dist.imbalanceSeries.bucketMs);
  });
});
