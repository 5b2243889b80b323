import { describe, expect, it } from 'vitest';
import { makeAgent } from '../testing/fakes';
import { UTILISATION_AGENTS, utilisationOf } from './sampler';

describe('utilisation sample', () => {
  it('measures routable agents only, keeps the busiest, and gives the coefficient of variation as imbalance', () => {
    const roster = [
      makeAgent({ name: 'full', activeTasks: 2, maxConcurrency: 2 }),
      makeAgent({ name: 'half', activeTasks: 1, maxConcurrency: 2 }),
      makeAgent({ name: 'idle', activeTasks: 0, maxConcurrency: 1 }),
      makeAgent({ name: 'asleep', status: 'sleeping', activeTasks: 0 }),
    ];
    const s = utilisationOf(roster);
    expect(s.utilisation).toEqual({ full: 1, half: 0.5, idle: 0 });
    // mean 0.5, population standard deviation √(1/6) ≈ 0.4082
    expect(s.imbalance).toBeCloseTo(0.8165, 4);
  });

  it('is empty without routable agents, and bounded with many', () => {
    expect(utilisationOf([])).toEqual({ imbalance: null, utilisation: {} });
    const many = Array.from({ length: 50 }, (_, i) => makeAgent({ name: `a${i}`, activeTasks: i % 2 }));
    expect(Object.keys(utilisationOf(many).utilisation)).toHaveLength(UTILISATION_AGENTS);
  });
});
