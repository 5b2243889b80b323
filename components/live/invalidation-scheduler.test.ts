import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { staleKeysFor } from './invalidation-plan';
import { InvalidationScheduler } from './invalidation-scheduler';

describe('InvalidationScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const make = () => {
    const flushes: string[][] = [];
    const s = new InvalidationScheduler((keys) => flushes.push([...keys].sort()), { delayMs: 150, slowDelayMs: 1000, slowKeys: new Set(['overview']) });
    return { s, flushes };
  };

  it('flushes a lone event at once, then coalesces a stream into one flush per window', () => {
    const { s, flushes } = make();
    s.add(['tasks']);
    vi.advanceTimersByTime(0);
    expect(flushes).toEqual([['tasks']]);
    for (let t = 0; t < 400; t += 10) {
      s.add(['tasks', `task:${t}`]);
      vi.advanceTimersByTime(10);
    }
    // 400 ms of events every 10 ms after a flush at 0: flushed at 150 and 300 ms, never debounced away.
    expect(flushes.length).toBe(3);
    expect(flushes[1]).toContain('task:0');
    vi.advanceTimersByTime(150);
    expect(flushes.length).toBe(4);
    vi.advanceTimersByTime(1000);
    expect(flushes.length).toBe(4);
  });

  it('flushes slow keys on their own, longer window', () => {
    const { s, flushes } = make();
    s.add(['overview', 'agents']);
    vi.advanceTimersByTime(0);
    expect(flushes).toEqual([['agents'], ['overview']]);
    s.add(['overview']);
    vi.advanceTimersByTime(999);
    expect(flushes.length).toBe(2);
    vi.advanceTimersByTime(1);
    expect(flushes[2]).toEqual(['overview']);
  });

  it('drops pending work on dispose', () => {
    const { s, flushes } = make();
    s.add(['tasks', 'overview']);
    s.dispose();
    vi.advanceTimersByTime(2000);
    expect(flushes).toEqual([]);
  });
});

describe('staleKeysFor', () => {
  it('maps task and agent events to the views they change', () => {
    expect(staleKeysFor({ id: '1', at: 0, name: 'task:progress', payload: { taskId: 't1', attempt: 1, message: 'x', percent: 5 } })).toEqual(['tasks', 'task:t1']);
    expect(staleKeysFor({ id: '2', at: 0, name: 'agent:changed', payload: { agentId: 'a1', status: 'idle', previous: 'starting', reason: 'heartbeat' } }))
      .toEqual(['agents', 'agent:a1', 'overview', 'distribution', 'pending']);
    expect(staleKeysFor({ id: '3', at: 0, name: 'task:assigned', payload: { taskId: 't1', agentId: 'a1', attempt: 1, decisionId: 'd', delivered: true } }))
      .toEqual(expect.arrayContaining(['tasks', 'task:t1', 'agent:a1', 'decisions', 'distribution']));
  });

  it('refreshes the balancing views on routing changes and freed slots, and waiting tasks when capacity changes', () => {
    expect(staleKeysFor({ id: '5', at: 0, name: 'routing:changed', payload: { scope: 'global', strategy: 'round-robin', changedBy: 'admin' } })).toEqual(['routing']);
    expect(staleKeysFor({ id: '6', at: 0, name: 'task:completed', payload: { taskId: 't1', agentId: 'a1', attempt: 1, status: 'succeeded' } }))
      .toEqual(expect.arrayContaining(['task:t1', 'distribution', 'pending']));
    expect(staleKeysFor({ id: '7', at: 0, name: 'agent:registered', payload: { agentId: 'a2', name: 'gpu-1', reregistered: false } })).toContain('pending');
  });

  it('refreshes everything on resync, and the namespace router for unknown events', () => {
    expect(staleKeysFor({ id: 'r', at: 0, name: 'resync', payload: {} })).toEqual(['all']);
    expect(staleKeysFor({ id: '4', at: 0, name: 'alert:firing', payload: {} } as never)).toEqual(['ns:alert', 'overview']);
  });
});
