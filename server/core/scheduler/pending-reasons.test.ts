import { describe, expect, it } from 'vitest';
import { NEUTRAL_SIGNALS, type AgentSignals } from '../balancing/strategy';
import type { Agent } from '../model';
import { makeAgent, makeTask } from '../testing/fakes';
import { explainPending, explainQueue, withHeldPools, type PendingFacts } from './pending-reasons';
import { RosterIndex } from './roster-index';

const py = [{ name: 'python', level: 1 }];
const task = makeTask({ id: 't', capabilities: ['python'] });

function facts(
  agents: Agent[],
  signals: Record<string, Partial<AgentSignals>> = {},
  waits?: Map<string, string>,
): PendingFacts {
  return { index: new RosterIndex(agents), signals: (id) => ({ ...NEUTRAL_SIGNALS, ...signals[id] }), waits };
}

describe('pending reasons', () => {
  it('blocked: names the unfinished dependencies', () => {
    const f = facts([makeAgent({ name: 'a', capabilities: py })]);
    expect(explainPending(task, { ...f, blockedBy: [{ taskId: 'tsk_x', status: 'running' }] })).toEqual({
      code: 'blocked',
      message: 'blocked by task tsk_x (running)',
    });
    const many = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ taskId: id, status: 'queued' }));
    expect(explainPending(task, { ...f, blockedBy: many }).message).toBe(
      'blocked by tasks a (queued), b (queued), c (queued) and 2 more',
    );
  });

  it('concurrency-key-full: only when the key is at its limit', () => {
    const f = facts([makeAgent({ name: 'a', capabilities: py })]);
    expect(explainPending(task, { ...f, concurrency: { key: 'repo:web', running: 2, limit: 2 } })).toEqual({
      code: 'concurrency-key-full',
      message: 'concurrency key `repo:web` full (2/2)',
    });
    expect(explainPending(task, { ...f, concurrency: { key: 'repo:web', running: 1, limit: 2 } }).code).toBe(
      'dispatching',
    );
  });

  it('no-capable-agent: which capability nobody has, or that nobody has them together', () => {
    const f = facts([
      makeAgent({ name: 'a', capabilities: py }),
      makeAgent({ name: 'b', capabilities: [{ name: 'gpu', level: 1 }] }),
    ]);
    expect(explainPending(makeTask({ id: 't', capabilities: ['tpu'] }), f)).toEqual({
      code: 'no-capable-agent',
      message: 'no agent has capability `tpu`',
    });
    expect(explainPending(makeTask({ id: 't', capabilities: ['python', 'gpu'] }), f).message).toBe(
      'no agent has all of `python`, `gpu`',
    );
    expect(explainPending(makeTask({ id: 't' }), facts([])).message).toBe('no live agents');
  });

  it('all-busy: every matching agent at capacity, with the soonest known finish', () => {
    const agents = ['a', 'b', 'c'].map((name) => makeAgent({ name, capabilities: py, activeTasks: 1 }));
    const f = facts(agents, { agt_a: { latencyMs: 90_000 }, agt_b: { latencyMs: 40_200 } });
    expect(explainPending(task, f)).toEqual({
      code: 'all-busy',
      message: '3 agents match, all at capacity (next free in ~40 s)',
    });
    expect(explainPending(task, facts(agents)).message).toBe('3 agents match, all at capacity');
    const mixed = facts([...agents, makeAgent({ name: 'z', capabilities: py, status: 'sleeping' })]);
    expect(explainPending(task, mixed).message).toBe('4 agents match: 3 at capacity, 1 sleeping');
  });

  it('agents-unavailable: the matching agents are asleep, unhealthy or behind an open breaker', () => {
    const f = facts([
      makeAgent({ name: 'a', capabilities: py, status: 'sleeping' }),
      makeAgent({ name: 'b', capabilities: py, status: 'unhealthy' }),
      makeAgent({ name: 'c', capabilities: [{ name: 'rust', level: 1 }] }),
    ]);
    expect(explainPending(task, f)).toEqual({
      code: 'agents-unavailable',
      message: '2 agents match but are sleeping (1) or unhealthy (1)',
    });
    expect(
      explainPending(task, facts([makeAgent({ name: 'a', capabilities: py })], { agt_a: { breaker: 'open' } })).message,
    ).toBe('1 agent matches but is behind an open breaker');
  });

  it("waiting-for-context: the strategy's own words, while an agent could take it", () => {
    const agents = [makeAgent({ name: 'a', capabilities: py })];
    const waits = new Map([['t', 'waiting for holder-1, which holds context `repo:web` (fallback in ~20s)']]);
    expect(explainPending(task, facts(agents, {}, waits))).toEqual({
      code: 'waiting-for-context',
      message: waits.get('t'),
    });
    // Once nobody is free, being busy is the up-to-date reason.
    expect(
      explainPending(task, facts([makeAgent({ name: 'a', capabilities: py, activeTasks: 1 })], {}, waits)).code,
    ).toBe('all-busy');
  });

  it('dispatching at the head, behind-higher-priority further back', () => {
    const f = facts([makeAgent({ name: 'a', capabilities: py })]);
    expect(explainPending(task, f)).toEqual({
      code: 'dispatching',
      message: 'a matching agent is free: the next dispatch pass assigns it',
    });
    expect(explainPending(task, { ...f, ahead: 3 })).toEqual({
      code: 'behind-higher-priority',
      message: '3 tasks ahead in the queue',
    });
  });

  it('explains a whole queue against one index, handing free slots out in queue order', () => {
    const agents = [
      makeAgent({ name: 'a', capabilities: py, maxConcurrency: 2 }),
      makeAgent({ name: 'b', capabilities: [{ name: 'gpu', level: 1 }] }),
    ];
    const queue = [
      makeTask({ id: 'q1', capabilities: ['python'] }),
      makeTask({ id: 'q2', capabilities: ['gpu'] }),
      makeTask({ id: 'q3', capabilities: ['python'] }),
      makeTask({ id: 'q4', capabilities: ['python'] }),
      makeTask({ id: 'q5', capabilities: ['python'] }),
      makeTask({ id: 'q6', capabilities: ['tpu'] }),
    ];
    const reasons = explainQueue(queue, {
      ...facts(agents),
      blockedBy: new Map([['q3', [{ taskId: 'q1', status: 'queued' }]]]),
    });
    expect(Object.fromEntries([...reasons].map(([id, r]) => [id, r.code]))).toEqual({
      q1: 'dispatching',
      q2: 'dispatching',
      q3: 'blocked',
      q4: 'dispatching',
      q5: 'behind-higher-priority',
      q6: 'no-capable-agent',
    });
    expect(reasons.get('q5')!.message).toBe('4 tasks ahead in the queue');
    expect(agents.map((a) => a.activeTasks)).toEqual([0, 0]);
  });

  it('a pool holding back is the reason when no agent can take the task, and an addition when agents are busy', () => {
    const asleep = { name: 'py', message: 'is asleep until Mon 00:00 UTC (sleep window `Sat,Sun 00:00-24:00` UTC)' };
    expect(withHeldPools({ code: 'no-capable-agent', message: 'no agent has capability `python`' }, [asleep])).toEqual({
      code: 'pool-held',
      message: 'pool `py` is asleep until Mon 00:00 UTC (sleep window `Sat,Sun 00:00-24:00` UTC)',
    });
    expect(
      withHeldPools({ code: 'all-busy', message: '1 agent matches, at capacity' }, [
        { name: 'py', message: 'is at its max size (1 agent)' },
      ]),
    ).toEqual({ code: 'all-busy', message: '1 agent matches, at capacity; pool `py` is at its max size (1 agent)' });
    expect(
      withHeldPools({ code: 'agents-unavailable', message: '1 agent matches but is sleeping' }, [asleep]).code,
    ).toBe('pool-held');
    expect(withHeldPools({ code: 'dispatching', message: 'x' }, [])).toEqual({ code: 'dispatching', message: 'x' });
  });
});
