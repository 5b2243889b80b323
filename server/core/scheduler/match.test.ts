import { describe, expect, it } from 'vitest';
import { NEUTRAL_SIGNALS } from '../balancing/strategy';
import { makeAgent, makeTask } from '../testing/fakes';
import { exclusionReason, partitionCandidates } from './match';

describe('candidate matching', () => {
  const task = makeTask({ id: 't', capabilities: ['python', 'gpu'] });

  it('names every reason an agent cannot take a task', () => {
    expect(exclusionReason(task, makeAgent({ name: 'a', capabilities: [{ name: 'python', level: 1 }] }))).toBe(
      'missing capability `gpu`',
    );
    const both = [
      { name: 'python', level: 1 },
      { name: 'gpu', level: 0.5 },
    ];
    expect(exclusionReason(task, makeAgent({ name: 'b', capabilities: both, activeTasks: 2, maxConcurrency: 2 }))).toBe(
      'at capacity (2/2)',
    );
    expect(exclusionReason(task, makeAgent({ name: 'c', capabilities: both, status: 'sleeping' }))).toBe('sleeping');
    expect(exclusionReason(task, makeAgent({ name: 'd', capabilities: both, status: 'starting' }))).toBe(
      'starting (no heartbeat yet)',
    );
    expect(exclusionReason(task, makeAgent({ name: 'e', capabilities: both, status: 'draining' }))).toBe('draining');
    expect(exclusionReason(task, makeAgent({ name: 'f', capabilities: both, status: 'unhealthy' }))).toMatch(
      /unhealthy/,
    );
    expect(
      exclusionReason(
        task,
        makeAgent({ name: 'g', capabilities: both, status: 'busy', activeTasks: 1, maxConcurrency: 2 }),
      ),
    ).toBeNull();
    const open = { ...NEUTRAL_SIGNALS, breaker: 'open' as const };
    expect(exclusionReason(task, makeAgent({ name: 'h', capabilities: both }), open)).toBe('breaker open');
    // A full agent is "at capacity" whatever its breaker says.
    expect(exclusionReason(task, makeAgent({ name: 'i', capabilities: both, activeTasks: 1 }), open)).toBe(
      'at capacity (1/1)',
    );
  });

  it('splits the roster into eligible agents and excluded ones with reasons', () => {
    const { eligible, excluded } = partitionCandidates(makeTask({ id: 't' }), [
      makeAgent({ name: 'ok' }),
      makeAgent({ name: 'full', activeTasks: 1 }),
    ]);
    expect(eligible.map((a) => a.name)).toEqual(['ok']);
    expect(excluded).toEqual([{ agentId: 'agt_full', agentName: 'full', reason: 'at capacity (1/1)' }]);
  });
});
