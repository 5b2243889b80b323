import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../shared/backoff';

/**
 * How long work may go unattended, all measured with the database clock: an assignment must
 * be accepted (`work.start`) within `acceptDeadlineMs`; a running task's lease lasts
 * `stallTimeoutMs` and is renewed by the agent's heartbeats and progress reports; a task runs
 * at most its `timeoutMs`, else `defaultTaskTimeoutMs` (null: no limit).
 */
export interface LeasePolicy {
  acceptDeadlineMs: number;
  stallTimeoutMs: number;
  defaultTaskTimeoutMs: number | null;
  retry: RetryPolicy;
}

export const DEFAULT_LEASE_POLICY: LeasePolicy = {
  acceptDeadlineMs: 10_000,
  stallTimeoutMs: 60_000,
  defaultTaskTimeoutMs: 3_600_000,
  retry: DEFAULT_RETRY_POLICY,
};
