import { describe, expect, it } from 'vitest';
import { fakeRoutingContext, makeAgent, makeTask } from '../testing/fakes';
import { LeastLoaded } from './least-loaded';

const task = makeTask({ id: 't1' });
const ctx = fakeRoutingContext();
const names = (s: LeastLoaded, agents: ReturnType<typeof makeAgent>[], c = ctx) =>
  s.rank(task, agents, c).ranked.map((x) => x.agentName);

describe('least-loaded', () => {
  it('prefers the agent with the most free capacity, as a fraction of its own maximum', () => {
    const s = new LeastLoaded();
    const r = s.rank(
      task,
      [
        makeAgent({ name: 'half', activeTasks: 2, maxConcurrency: 4 }),
        makeAgent({ name: 'quarter', activeTasks: 1, maxConcurrency: 4 }),
        makeAgent({ name: 'full-ish', activeTasks: 2, maxConcurrency: 3 }),
      ],
      ctx,
    );
    expect(r.ranked.map((c) => c.agentName)).toEqual(['quarter', 'half', 'full-ish']);
    expect(r.count).toBe(3);
    expect(r.ranked[0]).toMatchObject({ score: 0.75, terms: { freeCapacity: 0.75, utilisation: 0.25 } });
    expect(s.weights).toEqual({});
  });

  it('breaks ties by fewer active tasks, then by least recently assigned, then by name', () => {
    const s = new LeastLoaded();
    const a = makeAgent({ name: 'a' });
    const b = makeAgent({ name: 'b' });
    expect(names(s, [b, a])[0]).toBe('a'); // never assigned: by name
    s.assigned(a.id);
    expect(names(s, [a, b])[0]).toBe('b');
    s.assigned(b.id);
    expect(names(s, [a, b])[0]).toBe('a');
    const half2 = makeAgent({ name: 'z', activeTasks: 1, maxConcurrency: 2 });
    const half4 = makeAgent({ name: 'y', activeTasks: 2, maxConcurrency: 4 });
    const r = s.rank(task, [half4, half2], ctx);
    expect(r.ranked.map((c) => [c.agentName, c.score])).toEqual([
      ['z', 0.5],
      ['y', 0.5],
    ]);
  });

  it('returns at most `limit` candidates and counts them all', () => {
    const s = new LeastLoaded();
    const agents = Array.from({ length: 10_000 }, (_, i) =>
      makeAgent({ name: `a${i}`, maxConcurrency: 4, activeTasks: i % 4 }),
    );
    const r = s.rank(task, agents, fakeRoutingContext({ limit: 5 }));
    expect(r.count).toBe(10_000);
    expect(r.ranked).toHaveLength(5);
    expect(r.ranked.map((c) => c.agentName)).toEqual(['a0', 'a100', 'a1000', 'a1004', 'a1008']);
  });
});
