import { describe, expect, it } from 'vitest';
import type { AgentSignals } from './strategy';
import { NEUTRAL_SIGNALS } from './strategy';
import { coefficientOfVariation, replayDecisions, type RecordedCandidate, type RecordedDecisionInput } from './what-if';

// a: 2 slots, 1 s per task, weak at ts; b: 1 slot, 2 s, strong; c: 1 slot, 1.5 s, good.
const AGENTS = {
  a: { max: 2, latencyMs: 1_000, level: 0.5 },
  b: { max: 1, latencyMs: 2_000, level: 1 },
  c: { max: 1, latencyMs: 1_500, level: 0.8 },
};
type Name = keyof typeof AGENTS;

function candidate(name: Name, activeTasks: number, signals: Partial<AgentSignals> = {}): RecordedCandidate {
  const { max, latencyMs, level } = AGENTS[name];
  return {
    agentId: `agt_${name}`,
    agentName: name,
    activeTasks,
    maxConcurrency: max,
    capabilities: [{ name: 'ts', level }],
    signals: { ...NEUTRAL_SIGNALS, latencyMs, ...signals },
  };
}

function decision(i: number, at: number, winner: Name, candidates: RecordedCandidate[]): RecordedDecisionInput {
  return {
    decisionId: `dec_${i}`,
    taskId: `tsk_${i}`,
    decidedAt: at,
    winnerAgentId: `agt_${winner}`,
    candidates,
    task: { capabilities: ['ts'], priority: 'normal', contextKey: null, queuedAt: at },
  };
}

/**
 * A live least-loaded run, snapshots consistent with the service times: only free agents are
 * candidates, busy ones carry the tasks still in service (a task keeps its agent busy until
 * decidedAt + latency, exclusive).
 */
const WINDOW: RecordedDecisionInput[] = [
  decision(0, 0, 'a', [candidate('a', 0), candidate('b', 0), candidate('c', 0)]),
  decision(1, 250, 'b', [candidate('a', 1), candidate('b', 0), candidate('c', 0)]),
  decision(2, 500, 'c', [candidate('a', 1), candidate('c', 0)]),
  decision(3, 750, 'a', [candidate('a', 1)]),
  decision(4, 1_000, 'a', [candidate('a', 1)]),
  decision(5, 1_750, 'a', [candidate('a', 1)]),
  decision(6, 2_000, 'c', [candidate('a', 1), candidate('c', 0)]),
  decision(7, 2_250, 'b', [candidate('a', 1), candidate('b', 0)]),
];

describe('replayDecisions', () => {
  it('reproduces the recorded winners under the recorded strategy', () => {
    const r = replayDecisions(WINDOW, { name: 'least-loaded' }, 1);
    expect(r).toMatchObject({ strategy: 'least-loaded', decisions: 8, changed: 0, deferred: 0 });
    expect(r.perAgent).toEqual([
      { agentId: 'agt_a', agentName: 'a', recorded: 4, replayed: 4 },
      { agentId: 'agt_b', agentName: 'b', recorded: 2, replayed: 2 },
      { agentId: 'agt_c', agentName: 'c', recorded: 2, replayed: 2 },
    ]);
    // 4/2, 2/1, 2/1 assignments per slot: perfectly even.
    expect(r.imbalance).toEqual({ recorded: 0, replayed: 0 });
    expect(r.expectedWaitMs).toEqual({ recorded: 0, replayed: 0 });
  });

  it('piles work on the strongest agent under skill-only capability weighting, and estimates the wait', () => {
    const r = replayDecisions(WINDOW, { name: 'capability-weighted', weights: { load: 0 } }, 1);
    // Decision 0 goes to b instead of a; at decision 1 b holds that task (until 2,000) and the
    // recorded run has none on b, so b's load is 0 + 1 − 0 = 1 = its maximum: it still wins
    // (load is ignored) and waits 2,000 × (1 − 1 + 1) / 1 ms. Every later decision matches:
    // a's load at 4 and 5 is 1 + 1 − 1 (the replay's task 3 vs the recorded 0 and 3).
    expect(r).toMatchObject({
      strategy: 'capability-weighted',
      weights: { proficiency: 1, load: 0 },
      changed: 1,
      deferred: 0,
    });
    expect(r.perAgent.map((a) => [a.agentName, a.recorded, a.replayed])).toEqual([
      ['a', 4, 3],
      ['b', 2, 3],
      ['c', 2, 2],
    ]);
    // Per slot 3/2, 3, 2: mean 13/6, variance 7/18, CV √(7/18) / (13/6).
    expect(r.imbalance).toEqual({ recorded: 0, replayed: 0.2878 });
    expect(r.expectedWaitMs).toEqual({ recorded: 0, replayed: 250 }); // 2,000 ms over 8 decisions
  });

  it('lets round-robin ignore load: only the last decision changes', () => {
    const r = replayDecisions(WINDOW, { name: 'round-robin' }, 1);
    // Turns a, b, c, a, a, a, c, then a (after c) where least-loaded chose b; a is at 1 of 2.
    expect(r.changed).toBe(1);
    expect(r.perAgent.map((a) => [a.agentName, a.replayed])).toEqual([
      ['a', 5],
      ['b', 1],
      ['c', 2],
    ]);
    // Per slot 5/2, 1, 2: mean 11/6, variance 7/18, CV √(7/18) / (11/6).
    expect(r.imbalance.replayed).toBe(0.3402);
    expect(r.expectedWaitMs.replayed).toBe(0);
  });

  it('assumes the window median latency, then defaultServiceMs, for agents without one', () => {
    const x = (active: number, latencyMs: number | null): RecordedCandidate => ({
      agentId: 'agt_x',
      agentName: 'x',
      activeTasks: active,
      maxConcurrency: 2,
      capabilities: [{ name: 'ts', level: 1 }],
      signals: { ...NEUTRAL_SIGNALS, latencyMs },
    });
    const y = (latencyMs: number | null): RecordedCandidate => ({
      agentId: 'agt_y',
      agentName: 'y',
      activeTasks: 0,
      maxConcurrency: 1,
      capabilities: [{ name: 'ts', level: 0.5 }],
      signals: { ...NEUTRAL_SIGNALS, latencyMs },
    });
    const window = (yLatency: number | null) =>
      [
        decision(0, 0, 'a', [x(0, null), y(yLatency)]),
        decision(1, 1_000, 'a', [x(1, null), y(yLatency)]),
        decision(2, 2_000, 'a', [x(1, null)]),
      ].map((d, i) => ({ ...d, winnerAgentId: ['agt_x', 'agt_y', 'agt_x'][i] }));
    const skill = { name: 'capability-weighted' as const, weights: { load: 0 } };
    // x wins all three; at decision 2 the replay has two tasks on x in service and the record
    // one, so x's load is 1 + 2 − 1 = 2 of 2: a wait of S × 1 / 2, over 3 decisions.
    expect(replayDecisions(window(4_000), skill, 1).expectedWaitMs.replayed).toBe(667); // S = median 4,000
    expect(replayDecisions(window(null), skill, 1, { defaultServiceMs: 10_000 }).expectedWaitMs.replayed).toBe(1_667);
  });

  it('is deterministic for a seed, and replays in time order whatever the input order', () => {
    const p2 = (seed: number) => replayDecisions([...WINDOW].reverse(), { name: 'power-of-two' }, seed);
    expect(p2(3)).toEqual(p2(3));
    expect(p2(3).decisions).toBe(8);
    expect(replayDecisions([...WINDOW].reverse(), { name: 'least-loaded' }, 1).changed).toBe(0);
  });

  it('prefers a candidate holding the context under context-affinity, and returns zeros for an empty window', () => {
    // The holder of `repo` is a candidate here, so context-affinity picks it; the recorded winner was c.
    const d = decision(0, 0, 'c', [candidate('a', 0, { contextKeys: ['repo'] }), candidate('c', 0)]);
    const r = replayDecisions([{ ...d, task: { ...d.task, contextKey: 'repo' } }], { name: 'context-affinity' }, 1);
    expect(r).toMatchObject({ changed: 1, deferred: 0 });
    expect(replayDecisions([], { name: 'composite' }, 1)).toMatchObject({
      decisions: 0,
      changed: 0,
      perAgent: [],
      expectedWaitMs: { recorded: 0, replayed: 0 },
    });
  });
});

describe('coefficientOfVariation', () => {
  it('is the population standard deviation over the mean', () => {
    expect(coefficientOfVariation([])).toBe(0);
    expect(coefficientOfVariation([0, 0])).toBe(0);
    expect(coefficientOfVariation([2, 2, 2])).toBe(0);
    expect(coefficientOfVariation([1, 3])).toBe(0.5);
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(0.4);
  });
});
