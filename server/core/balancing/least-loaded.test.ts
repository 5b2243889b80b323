import { describe, expect, it } from 'vitest';
import { makeAgent, makeTask } from '../testing/fakes';
import { LeastLoaded } from './least-loaded';

const task = makeTask({ id: 't1' });

describe('least-loaded', () => {
  it('prefers the agent with the most free capacity, as a fraction of its own maximum', () => {
    const s = new LeastLoaded();
    const ranked = s.rank(task, [
      makeAgent({ name: 'half', activeTasks: 2, maxConcurrency: 4 }),
      makeAgent({ name: 'quarter', activeTasks: 1, maxConcurrency: 4 }),
      makeAgent({ name: 'full-ish', activeTasks: 2, maxConcurrency: 3 }),
    ]);
    expect(ranked.map((c) => c.agentName)).toEqual(['quarter', 'half', 'full-ish']);
    expect(ranked[0]).toMatchObject({ score: 0.75, terms: { freeCapacity: 0.75, utilisation: 0.25 } });
  });

  it('breaks ties by fewer active tasks, then by least recently assigned', () => {
    const s = new LeastLoaded();
    const a = makeAgent({ name: 'a' });
    const b = makeAgent({ name: 'b' });
    expect(s.rank(task, [a, b])[0].agentName).toBe('a'); // never assigned: by name
    s.assigned(a.id);
    expect(s.rank(task, [a, b])[0].agentName).toBe('b');
    s.assigned(b.id);
    expect(s.rank(task, [a, b])[0].agentName).toBe('a');
    const idleBig = makeAgent({ name: 'z-big', maxConcurrency: 4 });
    const busyBig = makeAgent({ name: 'y-busy', maxConcurrency: 8, activeTasks: 0 });
    expect(s.rank(task, [idleBig, busyBig]).map((c) => c.score)).toEqual([1, 1]);
  });
});
