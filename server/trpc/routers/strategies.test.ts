import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StrategyName } from '@/server/core/balancing/catalog';
import { adminPrincipal, callerAs, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => {
  await rt.dispose();
});
afterEach(async () => {
  await admin().balancing.setStrategy({ strategy: { name: 'composite' } });
});

const admin = () => callerAs(rt, adminPrincipal);

/** Registers heartbeating agents that hold `cap` (at the given proficiency) and returns callers acting as them. */
async function fleet(cap: string, specs: { name: string; level?: number; max?: number }[]) {
  const agents = [];
  for (const s of specs) {
    const { agentId, token } = await admin().agents.register({
      name: s.name,
      capabilities: [{ name: cap, level: s.level ?? 1 }],
      maxConcurrency: s.max ?? 1,
    });
    const caller = callerAs(rt, await rt.core.auth.authenticateBearer(token));
    await caller.agents.heartbeat({});
    agents.push({ agentId, name: s.name, caller });
  }
  return agents;
}

/** Submits tasks in one batch (one dispatch pass places them all) and returns the winners in submission order. */
async function winners(cap: string, n: number, extra: { contextKey?: string } = {}) {
  const { ids } = await admin().tasks.submit({
    tasks: Array.from({ length: n }, (_, i) => ({ title: `${cap}-${i}`, capabilities: [cap], ...extra })),
  });
  await rt.core.dispatchNow();
  const details = await Promise.all(ids.map((id) => admin().tasks.detail({ id })));
  return details.map((d) => d.decisions[0]);
}

async function use(name: StrategyName, weights?: Record<string, number>) {
  await admin().balancing.setStrategy({ strategy: { name, weights } });
}

describe('each strategy through the API', () => {
  it('round-robin: agents take turns in a stable order', async () => {
    await fleet('s-rr', [
      { name: 'rr-a', max: 3 },
      { name: 'rr-b', max: 3 },
      { name: 'rr-c', max: 3 },
    ]);
    await use('round-robin');
    const d = await winners('s-rr', 6);
    expect(d.every((x) => x.strategy === 'round-robin')).toBe(true);
    const order = d.map((x) => x.winnerAgentName);
    expect(new Set(order.slice(0, 3)).size).toBe(3);
    expect(order.slice(3)).toEqual(order.slice(0, 3));
  });

  it('least-loaded: work spreads to the agent with the most free capacity', async () => {
    await fleet('s-ll', [
      { name: 'll-a', max: 2 },
      { name: 'll-b', max: 2 },
    ]);
    await use('least-loaded');
    const d = await winners('s-ll', 4);
    const counts = d.reduce<Record<string, number>>(
      (m, x) => ({ ...m, [x.winnerAgentName]: (m[x.winnerAgentName] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ 'll-a': 2, 'll-b': 2 });
    expect(d[0].candidates[0].terms).toHaveProperty('freeCapacity');
  });

  it('capability-weighted: the most proficient agent wins', async () => {
    await fleet('s-cw', [
      { name: 'cw-novice', level: 0.3 },
      { name: 'cw-expert', level: 0.9 },
    ]);
    await use('capability-weighted');
    const [d] = await winners('s-cw', 1);
    expect(d.winnerAgentName).toBe('cw-expert');
    expect(d.candidates.map((c) => c.agentName)).toEqual(['cw-expert', 'cw-novice']);
  });

  it('context-affinity: a task goes back to the agent holding its context key', async () => {
    const [a, b] = await fleet('s-ca', [{ name: 'ca-a' }, { name: 'ca-b' }]);
    await use('context-affinity');
    // ca-a runs a task of context repo:web, so it holds that context afterwards.
    const [first] = await winners('s-ca', 1, { contextKey: 'repo:web' });
    const holder = first.winnerAgentName === 'ca-a' ? a : b;
    const work = (await holder.caller.work.poll({ waitMs: 2_000 }))!;
    await holder.caller.work.complete({ taskId: work.taskId, leaseToken: work.leaseToken });
    // Routing learns held contexts from the completion event, which may travel through Redis.
    await expect
      .poll(() => rt.core.signals.signals(holder.agentId).contextKeys, { timeout: 5_000 })
      .toContain('repo:web');
    // The holder was assigned most recently, so only affinity makes it win again.
    const [second] = await winners('s-ca', 1, { contextKey: 'repo:web' });
    expect(second.winnerAgentName).toBe(holder.name);
    expect(second.candidates[0].terms).toMatchObject({ affinity: 1 });
  });

  it('power-of-two: of two sampled agents the less loaded wins', async () => {
    await fleet('s-p2', [
      { name: 'p2-busy', max: 2 },
      { name: 'p2-free', max: 2 },
    ]);
    await use('least-loaded');
    await admin().tasks.submit({ title: 'occupy', capabilities: ['s-p2'] });
    await rt.core.dispatchNow();
    const holding = (await admin().agents.list({ search: 'p2-' })).items;
    const busyNow = holding.find((x) => x.activeTasks === 1 && (x.name === 'p2-busy' || x.name === 'p2-free'))!;
    await use('power-of-two');
    const [d] = await winners('s-p2', 1);
    expect(d.strategy).toBe('power-of-two');
    expect(d.winnerAgentName).not.toBe(busyNow.name);
    expect(d.candidates).toHaveLength(2);
  });

  it('composite (the default): every candidate carries each weighted term of its score', async () => {
    await fleet('s-co', [{ name: 'co-a' }, { name: 'co-b' }]);
    const [d] = await winners('s-co', 1);
    expect(d.strategy).toBe('composite');
    expect(Object.keys(d.candidates[0].terms).sort()).toEqual([
      'affinity',
      'breaker',
      'capabilityFit',
      'health',
      'latency',
      'load',
      'successRate',
    ]);
    const c = d.candidates[0];
    expect(Object.values(c.terms).reduce((s, v) => s + v, 0)).toBeCloseTo(c.score, 3);
  });
});
