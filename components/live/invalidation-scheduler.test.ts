import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { staleKeysFor } from './invalidation-plan';
import { InvalidationScheduler } from './invalidation-scheduler';
import { userRef } from '@/server/core/testing/actors';

const ADMIN = userRef('admin');

describe('InvalidationScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const make = () => {
    const flushes: string[][] = [];
    const s = new InvalidationScheduler((keys) => flushes.push([...keys].sort()), {
      delayMs: 150,
      slowDelayMs: 1000,
      slowKeys: new Set(['overview']),
    });
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
    expect(
      staleKeysFor({
        id: '1',
        at: 0,
        name: 'task:progress',
        payload: { taskId: 't1', attempt: 1, message: 'x', percent: 5 },
      }),
    ).toEqual(['tasks', 'task:t1']);
    expect(
      staleKeysFor({
        id: '2',
        at: 0,
        name: 'agent:changed',
        payload: { agentId: 'a1', status: 'idle', previous: 'starting', reason: 'heartbeat' },
      }),
    ).toEqual(['agents', 'agent:a1', 'overview', 'distribution', 'pending', 'pools']);
    expect(
      staleKeysFor({
        id: '3',
        at: 0,
        name: 'task:assigned',
        payload: { taskId: 't1', agentId: 'a1', attempt: 1, delivered: true },
      }),
    ).toEqual(expect.arrayContaining(['tasks', 'task:t1', 'agent:a1', 'decisions', 'distribution']));
  });

  it('refreshes the balancing views on routing changes and freed slots, and waiting tasks when capacity changes', () => {
    expect(
      staleKeysFor({
        id: '5',
        at: 0,
        name: 'routing:changed',
        payload: { scope: 'global', strategy: 'round-robin', changedBy: ADMIN },
      }),
    ).toEqual(['routing']);
    expect(
      staleKeysFor({
        id: '6',
        at: 0,
        name: 'task:completed',
        payload: { taskId: 't1', agentId: 'a1', attempt: 1, status: 'succeeded' },
      }),
    ).toEqual(expect.arrayContaining(['task:t1', 'distribution', 'pending']));
    expect(
      staleKeysFor({
        id: '7',
        at: 0,
        name: 'agent:registered',
        payload: { agentId: 'a2', name: 'gpu-1', reregistered: false },
      }),
    ).toContain('pending');
  });

  it('keeps the dead-letter queue, the breakers and the waiting tasks current', () => {
    expect(
      staleKeysFor({
        id: '8',
        at: 0,
        name: 'task:dead-lettered',
        payload: { taskId: 't1', attempt: 3, reason: 'boom' },
      }),
    ).toEqual(expect.arrayContaining(['tasks', 'task:t1', 'dead-letters']));
    expect(
      staleKeysFor({
        id: '9',
        at: 0,
        name: 'task:retrying',
        payload: { taskId: 't1', attempt: 1, retryAt: 5, reason: 'boom', agentId: 'a1' },
      }),
    ).toEqual(expect.arrayContaining(['tasks', 'task:t1', 'agent:a1', 'pending']));
    // A discard is a cancel: it leaves the dead-letter queue.
    expect(staleKeysFor({ id: '10', at: 0, name: 'task:cancelled', payload: { taskId: 't1' } })).toContain(
      'dead-letters',
    );
    const released = staleKeysFor({
      id: '11',
      at: 0,
      name: 'task:released',
      payload: { taskIds: ['t1', 't2'], reason: 'retried by admin' },
    });
    expect(released).toEqual(expect.arrayContaining(['tasks', 'task:t1', 'task:t2', 'dead-letters', 'pending']));
    const many = Array.from({ length: 500 }, (_, i) => `t${i}`);
    const bulk = staleKeysFor({
      id: '12',
      at: 0,
      name: 'task:released',
      payload: { taskIds: many, reason: 'retried by admin' },
    });
    expect(bulk).toContain('task:*');
    expect(bulk.length).toBeLessThan(10);
    expect(
      staleKeysFor({
        id: '13',
        at: 0,
        name: 'breaker:changed',
        payload: { key: 'agent:a1', agentId: 'a1', runtime: null, from: 'closed', to: 'open', reason: 'x', by: null },
      }),
    ).toEqual(expect.arrayContaining(['agents', 'agent:a1', 'breakers', 'pending']));
    expect(
      staleKeysFor({
        id: '14',
        at: 0,
        name: 'breaker:changed',
        payload: {
          key: 'runtime:e2e',
          agentId: null,
          runtime: 'e2e',
          from: 'open',
          to: 'closed',
          reason: 'x',
          by: ADMIN,
        },
      }),
    ).toEqual(['agents', 'breakers', 'pending']);
  });

  it('keeps the pools current: scaling, changes, their agents and their backlog', () => {
    expect(
      staleKeysFor({
        id: 'p1',
        at: 0,
        name: 'pool:scaled',
        payload: { poolId: 'p', pool: 'py', action: 'scale-up', delta: 2, reason: 'x' },
      }),
    ).toEqual(['pools']);
    expect(
      staleKeysFor({ id: 'p2', at: 0, name: 'pool:changed', payload: { poolId: 'p', change: 'updated', by: ADMIN } }),
    ).toEqual(['pools']);
    expect(
      staleKeysFor({
        id: 'p3',
        at: 0,
        name: 'agent:activity',
        payload: { agentId: 'a1', state: 'rate-limited', detail: null, parkedUntil: 5 },
      }),
    ).toEqual(['agents', 'agent:a1', 'pools']);
    expect(staleKeysFor({ id: 'p4', at: 0, name: 'task:submitted', payload: { taskIds: ['t1'] } })).toContain('pools');
    expect(
      staleKeysFor({
        id: 'p5',
        at: 0,
        name: 'task:progress',
        payload: { taskId: 't1', attempt: 1, message: 'x', percent: 5 },
      }),
    ).not.toContain('pools');
  });

  it('refreshes the alerts (list, counts for the nav badge, an open alert) on every step of an alert', () => {
    const payload = {
      alertId: 'alt_1',
      kind: 'acknowledged',
      state: 'acknowledged',
      previous: 'firing',
      rule: 'No capable agent',
      ruleId: 'builtin:no-capable-agent',
      severity: 'critical',
      labels: { capability: 'gpu' },
      summary: 'x',
      groupKey: 'g',
      fingerprint: 'f',
      by: ADMIN,
      reason: 'acknowledged by admin',
      note: null,
      silencedBy: null,
      inhibitedBy: null,
    };
    for (const name of ['alert:firing', 'alert:acknowledged', 'alert:resolved', 'alert:changed'] as const) {
      expect(staleKeysFor({ id: '4', at: 0, name, payload })).toEqual(['alerts']);
    }
  });

  it('refreshes everything on resync, and the namespace router for unknown events', () => {
    expect(staleKeysFor({ id: 'r', at: 0, name: 'resync', payload: {} })).toEqual(['all']);
    expect(staleKeysFor({ id: '4', at: 0, name: 'hook:made-up', payload: {} } as never)).toEqual([
      'ns:hook',
      'overview',
    ]);
  });
});
