import { describe, expect, it } from 'vitest';
import { seededRandom } from '../shared/random';
import { fakeRoutingContext, makeAgent, makeTask } from '../testing/fakes';
import { PowerOfTwo } from './power-of-two';

const task = makeTask({ id: 't1' });
const fleet = [
  makeAgent({ name: 'a', maxConcurrency: 4, activeTasks: 3 }),
  makeAgent({ name: 'b', maxConcurrency: 4, activeTasks: 1 }),
  makeAgent({ name: 'c', maxConcurrency: 4, activeTasks: 2 }),
  makeAgent({ name: 'd', maxConcurrency: 4, activeTasks: 0 }),
];

describe('power-of-two', () => {
  it('samples two distinct agents with the seeded random source, the less loaded first', () => {
    const r = seededRandom(15);
    const i = Math.floor(r() * 4);
    let j = Math.floor(r() * 3);
    if (j >= i) j++;
    expect([i, j]).toEqual([0, 2]); // with seed 15: a and c
    const ranking = new PowerOfTwo().rank(task, fleet, fakeRoutingContext({ seed: 15 }));
    expect(ranking.count).toBe(4);
    expect(ranking.ranked.map((c) => [c.agentName, c.score, c.terms])).toEqual([
      ['c', 0.5, { freeCapacity: 0.5, utilisation: 0.5 }],
      ['a', 0.25, { freeCapacity: 0.25, utilisation: 0.75 }],
    ]);
  });

  it('never samples the same agent twice and spreads wins over the fleet', () => {
    const s = new PowerOfTwo();
    const ctx = fakeRoutingContext({ seed: 11 });
    const wins = new Map<string, number>();
    for (let k = 0; k < 400; k++) {
      const [w, l] = s.rank(task, fleet, ctx).ranked;
      expect(w.agentId).not.toBe(l.agentId);
      expect(w.score).toBeGreaterThanOrEqual(l.score);
      wins.set(w.agentName, (wins.get(w.agentName) ?? 0) + 1);
    }
    // a (the busiest) can never win; d (idle) wins whenever sampled, half the time.
    expect(wins.get('a')).toBeUndefined();
    expect(wins.get('d')).toBeGreaterThan(150);
    expect(wins.get('c')).toBeGreaterThan(0);
  });

  it('picks the only eligible agent without drawing, and breaks ties by least recently assigned', () => {
    const s = new PowerOfTwo();
    let draws = 0;
    const ctx = { ...fakeRoutingContext(), random: () => (draws++, 0) };
    expect(s.rank(task, [fleet[0]], ctx).ranked.map((c) => c.agentName)).toEqual(['a']);
    expect(draws).toBe(0);
    const [x, y] = [makeAgent({ name: 'x' }), makeAgent({ name: 'y' })];
    expect(s.rank(task, [x, y], ctx).ranked[0].agentName).toBe('x');
    s.assigned(x.id);
    expect(s.rank(task, [x, y], ctx).ranked.map((c) => c.agentName)).toEqual(['y', 'x']);
    expect(s.rank(task, [x, y], { ...ctx, limit: 1 }).ranked).toHaveLength(1);
  });
});
