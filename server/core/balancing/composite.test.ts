import { describe, expect, it } from 'vitest';
import { fakeRoutingContext, makeAgent, makeTask } from '../testing/fakes';
import { COMPOSITE_WEIGHTS, Composite } from './composite';

const task = makeTask({ id: 't1', capabilities: ['ts'], contextKey: 'k' });
const a = makeAgent({ name: 'a', maxConcurrency: 4, activeTasks: 1, capabilities: [{ name: 'ts', level: 0.8 }] });
const b = makeAgent({ name: 'b', maxConcurrency: 2, capabilities: [{ name: 'ts', level: 1 }] });
const c = makeAgent({ name: 'c', capabilities: [{ name: 'ts', level: 0.5 }] });
const ctx = fakeRoutingContext({
  signals: {
    [a.id]: { contextKeys: ['k'], health: 0.9, successRate: 0.9, latencyMs: 1_000 },
    [b.id]: { successRate: null, latencyMs: 3_000, breaker: 'half-open' },
    [c.id]: { successRate: 1 },
  },
});

describe('composite', () => {
  it("sums weighted terms normalised to 0..1, with latency relative to the candidates' median", () => {
    const r = new Composite().rank(task, [b, c, a], ctx);
    expect(r.count).toBe(3);
    // Median latency of a and b is 2,000 ms: a scores 1/(1+0.5), b 1/(1+1.5), c (unknown) 0.5.
    expect(r.ranked.map((x) => [x.agentName, x.score, x.terms])).toEqual([
      [
        'a',
        10.7667,
        { capabilityFit: 1.6, load: 2.25, affinity: 2, health: 0.9, successRate: 1.35, latency: 0.6667, breaker: 2 },
      ],
      ['c', 9, { capabilityFit: 1, load: 3, affinity: 0, health: 1, successRate: 1.5, latency: 0.5, breaker: 2 }],
      ['b', 7.75, { capabilityFit: 2, load: 3, affinity: 0, health: 1, successRate: 0.75, latency: 0.4, breaker: 0.6 }],
    ]);
  });

  it('documents its default weights and accepts overrides', () => {
    expect(new Composite().weights).toEqual({
      capabilityFit: 2,
      load: 3,
      affinity: 2,
      health: 1,
      successRate: 1.5,
      latency: 1,
      breaker: 2,
    });
    const loadOnly = new Composite({
      capabilityFit: 0,
      affinity: 0,
      health: 0,
      successRate: 0,
      latency: 0,
      breaker: 0,
    });
    expect(loadOnly.weights).toEqual({
      ...COMPOSITE_WEIGHTS,
      capabilityFit: 0,
      affinity: 0,
      health: 0,
      successRate: 0,
      latency: 0,
      breaker: 0,
    });
    expect(loadOnly.rank(task, [a, c, b], ctx).ranked.map((x) => [x.agentName, x.score])).toEqual([
      ['b', 3],
      ['c', 3],
      ['a', 2.25],
    ]);
  });

  it('breaks ties by least recently assigned, then by name', () => {
    const s = new Composite();
    const [x, y] = [makeAgent({ name: 'x' }), makeAgent({ name: 'y' })];
    const plain = makeTask({ id: 't2' });
    const neutral = fakeRoutingContext();
    expect(s.rank(plain, [y, x], neutral).ranked.map((r) => r.agentName)).toEqual(['x', 'y']);
    s.assigned(x.id);
    expect(s.rank(plain, [x, y], neutral).ranked.map((r) => r.agentName)).toEqual(['y', 'x']);
  });

  it('scores an open breaker and poor health below an otherwise equal agent', () => {
    const [x, y] = [makeAgent({ name: 'x' }), makeAgent({ name: 'y' })];
    const sick = fakeRoutingContext({ signals: { [x.id]: { breaker: 'open', health: 0.2 } } });
    const r = new Composite().rank(makeTask({ id: 't3' }), [x, y], sick);
    expect(r.ranked.map((q) => [q.agentName, q.terms.breaker, q.terms.health])).toEqual([
      ['y', 2, 1],
      ['x', 0, 0.2],
    ]);
  });
});
