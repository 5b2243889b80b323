import type { TaskState } from '../model';
import type { Metrics } from '../ports';

/**
 * Counts what happened to a task that left an agent: back in the queue at once (lost agent),
 * after a backoff (retry-wait), or final (succeeded, failed, dead-lettered, cancelled). The
 * event itself is written by the database with the change.
 */
export function countOutcome(metrics: Metrics, t: { status: TaskState; reason: string }): void {
  if (t.status === 'queued' || t.status === 'retry-wait') metrics.requeued(t.reason);
  else metrics.finished(t.status);
}
