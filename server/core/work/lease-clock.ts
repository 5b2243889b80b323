import type { Task } from '../model';
import type { LeasePolicy } from './lease-policy';

/** What holds an active task, and until when: shown with the task, so "why was it requeued" has an answer before it happens. */
export interface LeaseView {
  /** `accept`: the agent must call work.start; `renew`: its heartbeats or progress must keep coming. */
  kind: 'accept' | 'renew';
  expiresAt: number;
  remainingMs: number;
  /** When the task times out whatever the lease says; null without a limit. */
  timeoutAt: number | null;
  /** What the lease sweep would do now: null while everything is in time. */
  expired: 'not-accepted' | 'stalled' | 'timed-out' | null;
}

/**
 * The lease rules of the sweep (`expireLeases`, which applies them in SQL with the database
 * clock), for one task at `now`: a timeout wins over a lapsed lease, as in the sweep.
 */
export function leaseView(
  task: Pick<Task, 'status' | 'leaseExpiresAt' | 'startedAt' | 'timeoutMs'>,
  policy: LeasePolicy,
  now: number,
): LeaseView | null {
  if ((task.status !== 'assigned' && task.status !== 'running') || task.leaseExpiresAt == null) return null;
  const limit = task.timeoutMs ?? policy.defaultTaskTimeoutMs;
  const timeoutAt = task.status === 'running' && task.startedAt != null && limit ? task.startedAt + limit : null;
  const kind = task.status === 'assigned' ? 'accept' : 'renew';
  let expired: LeaseView['expired'] = null;
  if (timeoutAt !== null && timeoutAt < now) expired = 'timed-out';
  else if (task.leaseExpiresAt < now) expired = kind === 'accept' ? 'not-accepted' : 'stalled';
  return {
    kind,
    expiresAt: task.leaseExpiresAt,
    remainingMs: Math.max(0, task.leaseExpiresAt - now),
    timeoutAt,
    expired,
  };
}
