import { describe, expect, it } from 'vitest';
import { isCoreError } from '../errors';
import { fakeRoutingContext, makeAgent, makeTask } from '../testing/fakes';
import { DEFAULT_STRATEGY, STRATEGY_NAMES, StrategyConfigInput, createStrategy, describeStrategies } from './catalog';

const messages = (input: unknown) => {
  const r = StrategyConfigInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('strategy catalog', () => {
  it('creates every strategy by name, composite by default', () => {
    expect(DEFAULT_STRATEGY).toEqual({ name: 'composite' });
    for (const name of STRATEGY_NAMES) expect(createStrategy({ name }).name).toBe(name);
    expect(describeStrategies().map((d) => d.name)).toEqual([...STRATEGY_NAMES]);
    expect(describeStrategies().every((d) => d.description.length > 20)).toBe(true);
  });

  it('applies partial weights over the defaults', () => {
    expect(createStrategy({ name: 'context-affinity', weights: { stickyMs: 5_000 } }).weights).toEqual({
      stickyMs: 5_000,
    });
    expect(createStrategy({ name: 'composite', weights: { load: 5 } }).weights).toMatchObject({
      load: 5,
      capabilityFit: 2,
    });
  });

  it('refuses unknown strategies, unknown keys and negative or non-finite weights with clear messages', () => {
    expect(messages({ name: 'random' })).toEqual([
      'name: strategy must be one of: composite, least-loaded, round-robin, capability-weighted, context-affinity, power-of-two',
    ]);
    expect(
      messages({ name: 'composite', weights: { load: -1, speed: 1, health: Number.POSITIVE_INFINITY, latency: '2' } }),
    ).toEqual([
      'weights.load: weight "load" must be a finite number ≥ 0',
      'weights.speed: unknown weight "speed" for composite (known: capabilityFit, load, affinity, health, successRate, latency, breaker)',
      'weights.health: weight "health" must be a finite number ≥ 0',
      'weights.latency: weight "latency" must be a finite number ≥ 0',
    ]);
    expect(messages({ name: 'round-robin', weights: { load: 1 } })).toEqual([
      'weights.load: unknown weight "load" for round-robin (it takes none)',
    ]);
    expect(messages({ name: 'least-loaded', weights: {} })).toEqual([]);
    try {
      createStrategy({ name: 'composite', weights: { load: -1 } });
      expect.unreachable();
    } catch (e) {
      expect(isCoreError(e) && e.code === 'INVALID' && e.message).toBe('weight "load" must be a finite number ≥ 0');
    }
  });

  it('every strategy ranks 10,000 eligible agents into at most `limit` candidates', () => {
    const agents = Array.from({ length: 10_000 }, (_, i) =>
      makeAgent({
        name: `agent-${i}`,
        maxConcurrency: 4,
        activeTasks: i % 4,
        capabilities: [{ name: 'ts', level: (i % 10) / 10 }],
      }),
    );
    const signals = Object.fromEntries(
      agents.map((a, i) => [
        a.id,
        { latencyMs: 1_000 + i, successRate: (i % 5) / 5, contextKeys: i % 100 ? [] : ['k'] },
      ]),
    );
    const ctx = fakeRoutingContext({ signals, limit: 7, seed: 3 });
    const task = makeTask({ id: 't1', capabilities: ['ts'], contextKey: 'k' });
    for (const name of STRATEGY_NAMES) {
      const r = createStrategy({ name }).rank(task, agents, ctx);
      expect(r.count, name).toBe(10_000);
      expect(r.ranked.length, name).toBeGreaterThan(0);
      expect(r.ranked.length, name).toBeLessThanOrEqual(7);
    }
  });
});
