import { actorRef } from '../access/actor';
import type { RequestContext } from '../access/request-context';
import { z } from 'zod';
import { conflict, notFound } from '../errors';
import type { Task } from '../model';
import type { Store } from '../ports';

export const RetryDeadLettersInput = z
  .object({
    capability: z.string().trim().min(1).max(128).optional(),
    errorContains: z.string().trim().min(1).max(200).optional(),
    project: z.string().trim().min(1).max(128).optional(),
  })
  .default({});

/** Operator actions on tasks that ran out of attempts: retry one, count and retry all matching, discard. */
export class DeadLetters {
  constructor(
    private readonly store: Store,
    private readonly onQueued: () => void,
  ) {}

  async retry(req: RequestContext, id: string): Promise<Task> {
    const task = await this.store.tasks.retryTask(id);
    if (!task) {
      const existing = await this.store.tasks.get(id);
      if (!existing) throw notFound('task', id);
      throw conflict(`task ${id} is ${existing.status}: only dead-lettered, failed or cancelled tasks can be retried`, {
        status: existing.status,
      });
    }
    await this.released(req, [id], 'retry');
    return task;
  }

  async retryMatching(req: RequestContext, raw: z.input<typeof RetryDeadLettersInput>): Promise<{ count: number }> {
    const filter = RetryDeadLettersInput.parse(raw);
    const ids = await this.store.tasks.retryDeadLetters(filter);
    if (ids.length) await this.released(req, ids, 'retry', { filter });
    return { count: ids.length };
  }

  /** How many dead letters "retry all matching" would retry now, so an operator confirms a true count. */
  async count(raw: z.input<typeof RetryDeadLettersInput>): Promise<{ count: number }> {
    return { count: await this.store.tasks.countDeadLetters(RetryDeadLettersInput.parse(raw)) };
  }

  async discard(req: RequestContext, id: string): Promise<Task> {
    const task = await this.store.tasks.discardDeadLetter(id);
    if (!task) {
      const existing = await this.store.tasks.get(id);
      if (!existing) throw notFound('task', id);
      throw conflict(`task ${id} is ${existing.status}: only dead-lettered tasks can be discarded`, {
        status: existing.status,
      });
    }
    await this.store.taskActions.record({ taskIds: [id], action: 'discard', actor: actorRef(req.actor), detail: {} });
    return task;
  }

  private async released(
    req: RequestContext,
    ids: string[],
    action: 'retry',
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    await this.store.taskActions.record({ taskIds: ids, action, actor: actorRef(req.actor), detail });
    this.onQueued();
  }
}
