import type { TaskState } from '../model';
import type { EventBus, Metrics } from '../ports';

/**
 * Counts and announces what happened to a task that left an agent: back in the queue
 * (retry or lost agent) or final (succeeded, failed, cancelled).
 */
export async function announceOutcome(
  bus: EventBus,
  metrics: Metrics,
  t: { taskId: string; agentId: string; attempt: number; status: TaskState; reason: string; durationMs?: number | null; contextKey?: string | null },
): Promise<void> {
  if (t.status === 'queued') {
    metrics.requeued(t.reason);
    await bus.publish('task:requeued', { taskId: t.taskId, attempt: t.attempt, reason: t.reason, agentId: t.agentId });
  } else {
    metrics.finished(t.status);
    await bus.publish('task:completed', {
      taskId: t.taskId, agentId: t.agentId, attempt: t.attempt, status: t.status, durationMs: t.durationMs ?? null, contextKey: t.contextKey ?? null,
    });
  }
}
