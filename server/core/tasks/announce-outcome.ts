import type { TaskState } from '../model';
import type { EventBus, Metrics } from '../ports';

/**
 * Counts and announces what happened to a task that left an agent: back in the queue
 * at once (lost agent), after a backoff (retry-wait), or final (succeeded, failed, dead-lettered, cancelled).
 */
export async function announceOutcome(
  bus: EventBus,
  metrics: Metrics,
  t: {
    taskId: string;
    agentId: string;
    attempt: number;
    status: TaskState;
    reason: string;
    durationMs?: number | null;
    contextKey?: string | null;
    retryAt?: number | null;
  },
): Promise<void> {
  if (t.status === 'queued' || t.status === 'retry-wait') {
    metrics.requeued(t.reason);
    if (t.status === 'queued')
      await bus.publish('task:requeued', {
        taskId: t.taskId,
        attempt: t.attempt,
        reason: t.reason,
        agentId: t.agentId,
      });
    else
      await bus.publish('task:retrying', {
        taskId: t.taskId,
        attempt: t.attempt,
        retryAt: t.retryAt ?? null,
        reason: t.reason,
        agentId: t.agentId,
      });
    return;
  }
  metrics.finished(t.status);
  await bus.publish('task:completed', {
    taskId: t.taskId,
    agentId: t.agentId,
    attempt: t.attempt,
    status: t.status,
    durationMs: t.durationMs ?? null,
    contextKey: t.contextKey ?? null,
  });
  if (t.status === 'dead-lettered')
    await bus.publish('task:dead-lettered', { taskId: t.taskId, attempt: t.attempt, reason: t.reason });
}
