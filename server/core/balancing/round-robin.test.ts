import { describe, expect, it } from 'vitest';
import type { Agent } from '../model';
import { fakeRoutingContext, makeAgent, makeTask } from '../testing/fakes';
import { RoundRobin } from './round-robin';

const task = makeTask({ id: 't1' });
const ctx = fakeRoutingContext();
const [a, b, c] = ['a', 'b', 'c'].map((name) => makeAgent({ name }));

/** Runs `n` decisions, reporting each winner to the strategy. */
function winners(s: RoundRobin, agents: Agent[], n: number): string[] {
  return Array.from({ length: n }, () => {
    const w = s.rank(task, agents, ctx).ranked[0];
    s.assigned(w.agentId);
    return w.agentName;
  });
}

describe('round-robin', () => {
  it('takes turns in id order whatever the load, and wraps around', () => {
    const s = new RoundRobin();
    const busy = makeAgent({ name: 'b', activeTasks: 3, maxConcurrency: 4 });
    expect(winners(s, [c, busy, a], 5)).toEqual(['a', 'b', 'c', 'a', 'b']);
  });

  it('ranks the whole cycle from the next agent, with its position as the term', () => {
    const s = new RoundRobin();
    s.assigned(b.id);
    const r = s.rank(task, [a, b, c], ctx);
    expect(r.ranked.map((x) => [x.agentName, x.score, x.terms.position])).toEqual([
      ['c', 1, 0],
      ['a', 0.6667, 1],
      ['b', 0.3333, 2],
    ]);
    expect(r.count).toBe(3);
  });

  it('serves a newcomer when the cycle reaches it, without resetting or skipping', () => {
    const s = new RoundRobin();
    expect(winners(s, [a, b, c], 2)).toEqual(['a', 'b']);
    const bb = makeAgent({ name: 'bb' });
    const aa = makeAgent({ name: 'aa' });
    expect(winners(s, [a, b, c, bb, aa], 5)).toEqual(['bb', 'c', 'a', 'aa', 'b']);
  });

  it('continues after the last winner even when it has left', () => {
    const s = new RoundRobin();
    expect(winners(s, [a, b, c], 2)).toEqual(['a', 'b']);
    expect(winners(s, [a, c], 3)).toEqual(['c', 'a', 'c']);
    expect(winners(s, [a, b], 1)).toEqual(['a']);
  });
});
