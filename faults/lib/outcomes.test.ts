import { describe, expect, it } from 'vitest';
import type { AgentLogEntry } from './agent-log';
import { tally, type TaskRow } from './outcomes';

const completed = (taskId: string, leaseToken: string, agent = 'a1'): AgentLogEntry => ({
  e: 'completed',
  agent,
  at: 0,
  taskId,
  attempt: 1,
  leaseToken,
});
const row = (id: string, status: string, succeededAttempts = status === 'succeeded' ? 1 : 0): TaskRow => ({
  id,
  status,
  succeededAttempts,
});

describe('tally', () => {
  it('finds nothing wrong when every task succeeded once under one lease', () => {
    const t = tally(
      ['t1', 't2'],
      [row('t1', 'succeeded'), row('t2', 'dead-lettered')],
      [completed('t1', 'L1'), completed('t1', 'L1')],
    );
    expect(t.lost).toEqual([]);
    expect(t.duplicated).toEqual([]);
  });

  it('counts as lost: missing, unfinished, and acknowledged but not succeeded', () => {
    const t = tally(['t1', 't2', 't3'], [row('t2', 'queued'), row('t3', 'failed')], [completed('t3', 'L3')]);
    expect(t.missing).toEqual(['t1']);
    expect(t.unfinished).toEqual(['t2']);
    expect(t.ackedNotSucceeded).toEqual(['t3']);
    expect(t.lost.sort()).toEqual(['t1', 't2', 't3']);
  });

  it('counts as duplicated: two accepted leases, or two succeeded attempt rows', () => {
    const t = tally(
      ['t1', 't2'],
      [row('t1', 'succeeded'), row('t2', 'succeeded', 2)],
      [completed('t1', 'L1', 'a1'), completed('t1', 'L2', 'a2')],
    );
    expect(t.doubleAccepted).toEqual(['t1']);
    expect(t.doubleRecorded).toEqual(['t2']);
    expect(t.duplicated.sort()).toEqual(['t1', 't2']);
  });

  it('ignores log lines about other scenarios’ tasks', () => {
    const t = tally(
      ['t1'],
      [row('t1', 'succeeded')],
      [completed('t1', 'L1'), completed('x', 'L1'), completed('x', 'L2')],
    );
    expect(t.duplicated).toEqual([]);
    expect(t.lost).toEqual([]);
  });
});
