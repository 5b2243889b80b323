import { describe, expect, it } from 'vitest';
import { FakeClock, fakeRoutingContext, makeAgent, makeTask } from '../testing/fakes';
import { ContextAffinity } from './context-affinity';

const holder = makeAgent({ name: 'holder', maxConcurrency: 2, activeTasks: 1 });
const idle = makeAgent({ name: 'idle' });
const other = makeAgent({ name: 'other', maxConcurrency: 2, activeTasks: 1 });
const signals = { [holder.id]: { contextKeys: ['repo-9', 'repo-1'] } };

function setup(queuedAgoMs = 0) {
  const clock = new FakeClock();
  const task = makeTask({ id: 't1', contextKey: 'repo-1', queuedAt: clock.now() - queuedAgoMs });
  return { clock, task, ctx: fakeRoutingContext({ clock, signals, roster: [holder, idle, other] }) };
}

describe('context-affinity', () => {
  it('prefers an eligible holder of the context key over a less loaded agent', () => {
    const { task, ctx } = setup();
    const r = new ContextAffinity().rank(task, [idle, other, holder], ctx);
    expect(r.ranked.map((c) => [c.agentName, c.score, c.terms])).toEqual([
      ['holder', 1.5, { affinity: 1, freeCapacity: 0.5 }],
      ['idle', 1, { affinity: 0, freeCapacity: 1 }],
      ['other', 0.5, { affinity: 0, freeCapacity: 0.5 }],
    ]);
  });

  it('waits for a busy holder until the task has been queued for stickyMs, then falls back to least-loaded', () => {
    const { clock, task, ctx } = setup(10_000);
    const s = new ContextAffinity();
    expect(s.weights).toEqual({ stickyMs: 30_000 });
    expect(s.rank(task, [idle, other], ctx)).toEqual({
      ranked: [],
      count: 2,
      wait: 'waiting for holder, which holds context `repo-1` (fallback in ~20s)',
    });
    clock.advance(19_999);
    expect(s.rank(task, [idle, other], ctx).wait).toBe(
      'waiting for holder, which holds context `repo-1` (fallback in ~1s)',
    );
    clock.advance(1);
    const r = s.rank(task, [other, idle], ctx);
    expect(r.wait).toBeUndefined();
    expect(r.ranked.map((c) => [c.agentName, c.terms.affinity, c.terms.freeCapacity])).toEqual([
      ['idle', 0, 1],
      ['other', 0, 0.5],
    ]);
  });

  it('takes stickyMs as a parameter: 0 never waits', () => {
    const { task, ctx } = setup();
    expect(new ContextAffinity({ stickyMs: 0 }).rank(task, [other, idle], ctx).ranked[0].agentName).toBe('idle');
    expect(new ContextAffinity({ stickyMs: 60_000 }).rank(task, [other, idle], ctx).wait).toContain('~60s');
  });

  it('ranks least-loaded for a task without a context key or a key nobody holds', () => {
    const { ctx } = setup();
    const s = new ContextAffinity();
    expect(s.rank(makeTask({ id: 't2' }), [other, holder, idle], ctx).ranked[0].agentName).toBe('idle');
    const r = s.rank(makeTask({ id: 't3', contextKey: 'repo-2' }), [holder, other], ctx);
    expect(r.wait).toBeUndefined();
    expect(r.ranked.map((c) => c.agentName)).toEqual(['holder', 'other']);
    s.assigned(holder.id);
    expect(s.rank(makeTask({ id: 't3', contextKey: 'repo-2' }), [holder, other], ctx).ranked[0].agentName).toBe(
      'other',
    );
  });
});
