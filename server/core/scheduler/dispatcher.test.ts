import { describe, expect, it } from 'vitest';
import { LeastLoaded } from '../balancing/least-loaded';
import { NEUTRAL_SIGNALS, type AgentSignals, type Ranking, type RoutingStrategy } from '../balancing/strategy';
import type { Agent, Task } from '../model';
import type { Store } from '../ports';
import type { PlannedAssignment } from '../tasks/ports';
import { makeAgent, makeTask, nullMetrics, silentLogger } from '../testing/fakes';
import {
  Dispatcher,
  MAX_CANDIDATES_RECORDED,
  MAX_EXCLUDED_RECORDED,
  type RecordedDecision,
  type SignalsSource,
} from './dispatcher';

/** The tests' clock: decisions are stamped with it, never with the wall clock. */
const now = () => 1_700_000_000_000;

/** Just enough of the Store for a dispatch pass; applies every plan whose task is still queued. */
function stubStore(tasks: Task[], agents: Agent[]) {
  const applied: PlannedAssignment[] = [];
  const store = {
    tasks: {
      queued: async (limit: number) => tasks.filter((t) => t.status === 'queued').slice(0, limit),
      assign: async (plans: PlannedAssignment[]) =>
        plans.map((p) => {
          applied.push(p);
          const t = tasks.find((x) => x.id === p.taskId)!;
          t.status = 'assigned';
          return { taskId: p.taskId, agentId: p.agentId, attempt: t.attempt + 1, waitedMs: 5, priority: t.priority };
        }),
    },
    agents: { live: async () => agents.map((a) => ({ ...a })) },
  } as unknown as Store;
  return { store, applied };
}

describe('dispatcher', () => {
  it('never gives an agent more tasks than its maxConcurrency in one pass', async () => {
    const tasks = [makeTask({ id: 't1' }), makeTask({ id: 't2' }), makeTask({ id: 't3' })];
    const { store, applied } = stubStore(tasks, [
      makeAgent({ name: 'one' }),
      makeAgent({ name: 'two', maxConcurrency: 2, activeTasks: 1 }),
    ]);
    const d = new Dispatcher(store, nullMetrics, silentLogger, new LeastLoaded(), null, { now });
    const r = await d.dispatchOnce();
    expect(r).toEqual({ considered: 3, assigned: 2, more: false });
    expect(applied.map((p) => [p.taskId, p.decision.winnerAgentName])).toEqual([
      ['t1', 'one'],
      ['t2', 'two'],
    ]);
    expect(tasks[2].status).toBe('queued');
  });

  it('records a decision with every candidate scored and every excluded agent with its reason', async () => {
    const tasks = [makeTask({ id: 't1', capabilities: ['python'] })];
    const py = [{ name: 'python', level: 1 }];
    const { store, applied } = stubStore(tasks, [
      makeAgent({ name: 'busy', capabilities: py, maxConcurrency: 2, activeTasks: 1 }),
      makeAgent({ name: 'free', capabilities: py, maxConcurrency: 2 }),
      makeAgent({ name: 'rust-only', capabilities: [{ name: 'rust', level: 1 }] }),
      makeAgent({ name: 'asleep', capabilities: py, status: 'sleeping' }),
    ]);
    await new Dispatcher(store, nullMetrics, silentLogger, new LeastLoaded(), null, { now }).dispatchOnce();
    const d = applied[0].decision;
    expect(d).toMatchObject({ taskId: 't1', attempt: 1, strategy: 'least-loaded', winnerAgentName: 'free' });
    expect(d.candidates.map((c) => [c.agentName, c.score])).toEqual([
      ['free', 1],
      ['busy', 0.5],
    ]);
    expect(d.excluded).toEqual([
      { agentId: 'agt_rust-only', agentName: 'rust-only', reason: 'missing capability `python`' },
      { agentId: 'agt_asleep', agentName: 'asleep', reason: 'sleeping' },
    ]);
    expect(d.durationUs).toBeGreaterThanOrEqual(0);
  });

  it('leaves a task nobody can take in the queue without a decision', async () => {
    const tasks = [makeTask({ id: 't1', capabilities: ['gpu'] })];
    const { store, applied } = stubStore(tasks, [makeAgent({ name: 'cpu' })]);
    expect(
      await new Dispatcher(store, nullMetrics, silentLogger, new LeastLoaded(), null, {
        now,
      }).dispatchOnce(),
    ).toEqual({ considered: 1, assigned: 0, more: false });
    expect(applied).toEqual([]);
  });

  it('spreads equal work across equal agents', async () => {
    const tasks = Array.from({ length: 6 }, (_, i) => makeTask({ id: `t${i}` }));
    const agents = ['a', 'b', 'c'].map((name) => makeAgent({ name, maxConcurrency: 10 }));
    const { store, applied } = stubStore(tasks, agents);
    await new Dispatcher(store, nullMetrics, silentLogger, new LeastLoaded(), null, {
      now,
    }).dispatchOnce();
    const per = new Map<string, number>();
    for (const p of applied) per.set(p.agentId, (per.get(p.agentId) ?? 0) + 1);
    expect([...per.values()]).toEqual([2, 2, 2]);
  });

  it('bounds a decision record in a large fleet and still counts every agent', async () => {
    const agents = [
      ...Array.from({ length: 60 }, (_, i) => makeAgent({ name: `free-${i}`, maxConcurrency: 2 })),
      ...Array.from({ length: 40 }, (_, i) => makeAgent({ name: `full-${i}`, activeTasks: 1 })),
      ...Array.from({ length: 10 }, (_, i) => makeAgent({ name: `zz-${i}`, status: 'draining' })),
    ];
    const { store, applied } = stubStore([makeTask({ id: 't1' })], agents);
    await new Dispatcher(store, nullMetrics, silentLogger, new LeastLoaded(), null, {
      now,
    }).dispatchOnce();
    const d = applied[0].decision;
    expect(d.candidates).toHaveLength(MAX_CANDIDATES_RECORDED);
    expect(d.candidateCount).toBe(60);
    expect(d.excludedCount).toBe(50);
    expect(d.excluded.slice(0, MAX_EXCLUDED_RECORDED).every((e) => e.agentName.startsWith('full-'))).toBe(true);
    expect(d.excluded.slice(MAX_EXCLUDED_RECORDED)).toEqual([
      { agentId: '', agentName: '15 more agents', reason: 'at capacity (1/1)' },
      { agentId: '', agentName: '10 more agents', reason: 'draining' },
    ]);
  });

  it('says when more placeable work is likely waiting, so the loop goes again at once', async () => {
    const tasks = Array.from({ length: 300 }, (_, i) => makeTask({ id: `m${i}` }));
    const { store } = stubStore(tasks, [makeAgent({ name: 'wide', maxConcurrency: 100 })]);
    const d = new Dispatcher(store, nullMetrics, silentLogger, new LeastLoaded(), null, { now });
    // 100 free slots: the pass reads min(500, 2 × 100 + 20) = 220 tasks and places 100.
    expect(await d.dispatchOnce()).toEqual({ considered: 220, assigned: 100, more: true });
  });

  it('leaves a task queued when the strategy waits, remembers why, and forgets once it is placed', async () => {
    const tasks = [makeTask({ id: 'ctx', contextKey: 'repo:web' }), makeTask({ id: 'plain' })];
    const { store, applied } = stubStore(tasks, [makeAgent({ name: 'a', maxConcurrency: 4 })]);
    let patient = true;
    const sticky: RoutingStrategy = {
      name: 'sticky',
      weights: { stickyMs: 1 },
      rank: (task, eligible, ctx): Ranking =>
        patient && task.contextKey
          ? { ranked: [], count: eligible.length, wait: `waiting for the holder of \`${task.contextKey}\`` }
          : new LeastLoaded().rank(task, eligible, ctx),
    };
    const d = new Dispatcher(store, nullMetrics, silentLogger, sticky, null, { now });
    expect(await d.dispatchOnce()).toEqual({ considered: 2, assigned: 1, more: false });
    expect(applied.map((p) => p.taskId)).toEqual(['plain']);
    expect(tasks[0].status).toBe('queued');
    expect([...d.waiting]).toEqual([['ctx', 'waiting for the holder of `repo:web`']]);
    expect(await d.explainPending([tasks[0]])).toEqual(
      new Map([['ctx', { code: 'waiting-for-context', message: 'waiting for the holder of `repo:web`' }]]),
    );
    patient = false;
    await d.dispatchOnce();
    expect(applied.map((p) => p.taskId)).toEqual(['plain', 'ctx']);
    expect(d.waiting.size).toBe(0);
  });

  it('switches strategy at runtime, from the next pass on', async () => {
    const tasks = [makeTask({ id: 't1' }), makeTask({ id: 't2' })];
    const { store, applied } = stubStore(tasks, [
      makeAgent({ name: 'a', maxConcurrency: 2 }),
      makeAgent({ name: 'b', maxConcurrency: 2 }),
    ]);
    const d = new Dispatcher(store, nullMetrics, silentLogger, new LeastLoaded(), null, {
      batchSize: 1,
      now,
    });
    await d.dispatchOnce();
    const lastByName: RoutingStrategy = {
      name: 'last-by-name',
      weights: { bias: 1 },
      rank: (_task, eligible): Ranking => {
        const a = [...eligible].sort((x, y) => (x.name < y.name ? 1 : -1))[0];
        return {
          ranked: [
            {
              agentId: a.id,
              agentName: a.name,
              score: 1,
              activeTasks: a.activeTasks,
              maxConcurrency: a.maxConcurrency,
              terms: {},
            },
          ],
          count: eligible.length,
        };
      },
    };
    d.setStrategy(lastByName);
    expect(d.strategyName).toBe('last-by-name');
    expect(d.currentStrategy).toBe(lastByName);
    await d.dispatchOnce();
    expect(applied.map((p) => [p.decision.strategy, p.decision.winnerAgentName])).toEqual([
      ['least-loaded', 'a'],
      ['last-by-name', 'b'],
    ]);
    expect((applied[1].decision as RecordedDecision).weights).toEqual({ bias: 1 });
  });

  it('builds the routing context from the signals source: breakers, holders, clock and random', async () => {
    const tasks = [makeTask({ id: 't1', capabilities: ['py'], contextKey: 'repo:web' })];
    const py = [{ name: 'py', level: 1 }];
    const { store, applied } = stubStore(tasks, [
      makeAgent({ name: 'tripped', capabilities: py }),
      makeAgent({ name: 'holder', capabilities: py, activeTasks: 1 }),
      makeAgent({ name: 'ok', capabilities: py }),
    ]);
    const signals: Record<string, Partial<AgentSignals>> = {
      agt_tripped: { breaker: 'open' },
      agt_holder: { contextKeys: ['repo:web'] },
    };
    const source: SignalsSource = {
      signals: (id) => ({ ...NEUTRAL_SIGNALS, ...signals[id] }),
      holdersOf: (key) => (key === 'repo:web' ? ['agt_holder', 'agt_gone'] : []),
    };
    const seen: unknown[] = [];
    const probe: RoutingStrategy = {
      name: 'probe',
      weights: {},
      rank: (task, eligible, ctx): Ranking => {
        seen.push(
          eligible.map((a) => a.name),
          ctx.holders(task.contextKey!).map((a) => a.name),
          ctx.now(),
          ctx.random(),
          ctx.limit,
        );
        return new LeastLoaded().rank(task, eligible, ctx);
      },
    };
    await new Dispatcher(store, nullMetrics, silentLogger, probe, null, {
      signals: source,
      now: () => 42,
      random: () => 0.5,
    }).dispatchOnce();
    expect(seen).toEqual([['ok'], ['holder'], 42, 0.5, MAX_CANDIDATES_RECORDED]);
    const d = applied[0].decision as RecordedDecision;
    expect(d.decidedAt).toBe(42);
    expect(d.excluded).toEqual([
      { agentId: 'agt_tripped', agentName: 'tripped', reason: 'breaker open' },
      { agentId: 'agt_holder', agentName: 'holder', reason: 'at capacity (1/1)' },
    ]);
    expect(d.snapshot).toEqual([{ agentId: 'agt_ok', capabilities: py, signals: NEUTRAL_SIGNALS }]);
  });
});
