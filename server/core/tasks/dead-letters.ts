import { z } from 'zod';
import { conflict, notFound } from '../errors';
import type { Task } from '../model';
import type { EventBus, Store } from '../ports';

export const RetryDeadLettersInput = z.object({
  capability: z.string().trim().min(1).max(128).optional(),
  errorContains: z.string().trim().min(1).max(200).optional(),
  project: z.string().trim().min(1).max(128).optional(),
}).default({});

/** Operator actions on tasks that ran out of attempts: retry one, count and retry all matching, discard. */
export class DeadLetters {
  constructor(private readonly store: Store, private readonly bus: EventBus, private readonly onQueued: () => void) {}

  async retry(id: string, by: string): Promise<Task> {
    const task = await this.store.tasks.retryTask(id);
    if (!task) {
      const existing = await this.store.tasks.get(id);
      if (!existing) throw notFound('task', id);
      throw conflict(`task ${id} is ${existing.status}: only dead-lettered, failed or cancelled tasks can be retried`, { status: existing.status });
    }
    await this.released([id], `retried by ${by}`);
    return task;
  }

  async retryMatching(raw: z.input<typeof RetryDeadLettersInput>, by: string): Promise<{ count: number }> {
    const ids = await this.store.tasks.retryDeadLetters(RetryDeadLettersInput.parse(raw));
    if (ids.length) await this.released(ids, `retried by ${by}`);
    return { count: ids.length };
  }

  /** How many dead letters "retry all matching" would retry now, so an operator confirms a true count. */
  async count(raw: z.input<typeof RetryDeadLettersInput>): Promise<{ count: number }> {
    return { count: await this.store.tasks.countDeadLetters(RetryDeadLettersInput.parse(raw)) };
  }

  async discard(id: string): Promise<Task> {
    const task = await this.store.tasks.discardDeadLetter(id);
    if (!task) {
      const existing = await this.store.tasks.get(id);
      if (!existing) throw notFound('task', id);
      throw conflict(`task ${id} is ${existing.status}: only dead-lettered tasks can be discarded`, { status: existing.status });
    }
    await this.bus.publish('task:cancelled', { taskId: id });
    return task;
  }

  private async released(ids: string[], reason: string): Promise<void> {
    await this.bus.publish('task:released', { taskIds: ids, reason });
    this.onQueued();
  }
}
