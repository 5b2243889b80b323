import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fakes';
import { leaseView } from './lease-clock';
import { DEFAULT_LEASE_POLICY } from './lease-policy';

const policy = {
  ...DEFAULT_LEASE_POLICY,
  acceptDeadlineMs: 10_000,
  stallTimeoutMs: 60_000,
  defaultTaskTimeoutMs: 3_600_000,
};

describe('lease arithmetic', () => {
  it('an assignment must be accepted by its deadline', () => {
    const clock = new FakeClock(1_000_000);
    const task = {
      status: 'assigned' as const,
      leaseExpiresAt: clock.now() + policy.acceptDeadlineMs,
      startedAt: null,
      timeoutMs: null,
    };
    expect(leaseView(task, policy, clock.now())).toEqual({
      kind: 'accept',
      expiresAt: 1_010_000,
      remainingMs: 10_000,
      timeoutAt: null,
      expired: null,
    });
    clock.advance(10_000);
    expect(leaseView(task, policy, clock.now())?.expired).toBeNull(); // at the deadline exactly: still in time
    clock.advance(1);
    expect(leaseView(task, policy, clock.now())).toMatchObject({ remainingMs: 0, expired: 'not-accepted' });
  });

  it('a running lease lapses without renewal, and a renewal moves it', () => {
    const clock = new FakeClock(0);
    const task = { status: 'running' as const, leaseExpiresAt: policy.stallTimeoutMs, startedAt: 0, timeoutMs: null };
    clock.advance(59_000);
    expect(leaseView(task, policy, clock.now())).toMatchObject({
      kind: 'renew',
      remainingMs: 1_000,
      expired: null,
      timeoutAt: 3_600_000,
    });
    task.leaseExpiresAt = clock.now() + policy.stallTimeoutMs; // a heartbeat
    clock.advance(30_000);
    expect(leaseView(task, policy, clock.now())?.expired).toBeNull();
    clock.advance(30_001);
    expect(leaseView(task, policy, clock.now())?.expired).toBe('stalled');
  });

  it('a timeout wins over a live lease; the task’s own timeout beats the default; no limit means none', () => {
    const task = { status: 'running' as const, leaseExpiresAt: 10_000_000, startedAt: 0, timeoutMs: 5_000 };
    expect(leaseView(task, policy, 5_000)?.expired).toBeNull();
    expect(leaseView(task, policy, 5_001)).toMatchObject({ timeoutAt: 5_000, expired: 'timed-out' });
    expect(leaseView({ ...task, timeoutMs: null }, { ...policy, defaultTaskTimeoutMs: null }, 9_999_999)).toMatchObject(
      { timeoutAt: null, expired: null },
    );
  });

  it('tasks that are not held have no lease', () => {
    expect(
      leaseView({ status: 'queued', leaseExpiresAt: null, startedAt: null, timeoutMs: null }, policy, 0),
    ).toBeNull();
    expect(leaseView({ status: 'succeeded', leaseExpiresAt: 5, startedAt: 0, timeoutMs: null }, policy, 0)).toBeNull();
  });
});
