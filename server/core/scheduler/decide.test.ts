import { describe, expect, it } from 'vitest';
import { Composite } from '../balancing/composite';
import { LeastLoaded } from '../balancing/least-loaded';
import type { Ranking, RoutingStrategy } from '../balancing/strategy';
import { fakeRoutingContext, makeAgent, makeTask } from '../testing/fakes';
import { decide, MAX_CANDIDATES_RECORDED } from './decide';
import { RosterIndex } from './roster-index';

const py = [{ name: 'python', level: 0.8 }];

describe('decide', () => {
  it('records the strategy weights and, per recorded candidate, its capabilities and signals', () => {
    const agents = [
      makeAgent({ name: 'a', capabilities: py, maxConcurrency: 2 }),
      makeAgent({ name: 'b', capabilities: py, maxConcurrency: 2, activeTasks: 1 }),
    ];
    const index = new RosterIndex(agents);
    const ctx = fakeRoutingContext({
      limit: MAX_CANDIDATES_RECORDED,
      signals: { agt_b: { latencyMs: 900, successRate: 1 } },
    });
    const out = decide(makeTask({ id: 't', capabilities: ['python'] }), index, new Composite({ load: 5 }), ctx);
    if (out.kind !== 'assign') throw new Error(`expected an assignment, got ${out.kind}`);
    const d = out.decision;
    expect(d.weights).toMatchObject({ load: 5, capabilityFit: 2 });
    expect(d.snapshot.map((s) => s.agentId)).toEqual(d.candidates.map((c) => c.agentId));
    expect(d.snapshot.find((s) => s.agentId === 'agt_b')).toEqual({
      agentId: 'agt_b',
      capabilities: py,
      signals: ctx.signals('agt_b'),
    });
    expect(d.decidedAt).toBe(ctx.now());
    // The winner's slot is counted at once, so the next decision in the pass sees it.
    expect(agents[out.agentIndex].activeTasks).toBe(out.agentIndex === 0 ? 1 : 2);
  });

  it('bounds the recorded candidates and counts them all', () => {
    const index = new RosterIndex(Array.from({ length: 40 }, (_, i) => makeAgent({ name: `a${i}` })));
    const out = decide(makeTask({ id: 't' }), index, new LeastLoaded(), fakeRoutingContext({ limit: 100 }));
    if (out.kind !== 'assign') throw new Error('expected an assignment');
    expect(out.decision.candidates).toHaveLength(MAX_CANDIDATES_RECORDED);
    expect(out.decision.candidateCount).toBe(40);
    expect(out.decision.excludedCount).toBe(0);
  });

  it("passes a strategy's wait on and leaves every agent untouched", () => {
    const waiting: RoutingStrategy = {
      name: 'waits',
      weights: {},
      rank: (): Ranking => ({ ranked: [], count: 1, wait: 'waiting for a holder' }),
    };
    const agents = [makeAgent({ name: 'a' })];
    const index = new RosterIndex(agents);
    expect(decide(makeTask({ id: 't' }), index, waiting, fakeRoutingContext())).toEqual({
      kind: 'wait',
      reason: 'waiting for a holder',
    });
    expect(agents[0].activeTasks).toBe(0);
    expect(index.freeSlots).toBe(1);
  });

  it('decides nothing without an eligible agent, or when a strategy ranks an agent it was not given', () => {
    const index = new RosterIndex([makeAgent({ name: 'a', status: 'sleeping' }), makeAgent({ name: 'b' })]);
    expect(
      decide(makeTask({ id: 't', capabilities: ['gpu'] }), index, new LeastLoaded(), fakeRoutingContext()),
    ).toEqual({ kind: 'none' });
    const rogue: RoutingStrategy = {
      name: 'rogue',
      weights: {},
      rank: () => ({
        ranked: [{ agentId: 'agt_ghost', agentName: 'ghost', score: 1, activeTasks: 0, maxConcurrency: 1, terms: {} }],
        count: 1,
      }),
    };
    expect(decide(makeTask({ id: 't' }), index, rogue, fakeRoutingContext())).toEqual({ kind: 'none' });
  });
});
