import { z } from 'zod';
import { SetPriorityInput, SetPriorityManyInput, TaskIdsInput } from '@/server/core/tasks/bulk-input';
import { RetryDeadLettersInput } from '@/server/core/tasks/dead-letters';
import { SubmitTasksInput } from '@/server/core/tasks/submit-input';
import { ListTasksInput } from '@/server/core/tasks/task-service';
import { procedure, router } from '../init';

const ById = z.object({ id: z.string().min(1).max(64) });

export const tasksRouter = router({
  submit: procedure.input(SubmitTasksInput).mutation(({ ctx, input }) => ctx.runtime.core.tasks.submit(ctx.req, input)),
  get: procedure.input(ById).query(({ ctx, input }) => ctx.runtime.core.views.task(ctx.req, input.id)),
  detail: procedure.input(ById).query(({ ctx, input }) => ctx.runtime.core.views.taskDetail(ctx.req, input.id)),
  list: procedure.input(ListTasksInput).query(({ ctx, input }) => ctx.runtime.core.views.listTasks(ctx.req, input)),
  /** Why a queued (or blocked) task is not running: `{code, message}`, or null when it is not waiting. */
  whyPending: procedure.input(ById).query(({ ctx, input }) => ctx.runtime.core.views.whyPending(ctx.req, input.id)),
  cancel: procedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.tasks.cancel(ctx.req, input.id)),
  /** A task not yet finished gets another priority `{id, priority}`; the queue reorders at once. Answers the task. */
  setPriority: procedure
    .input(SetPriorityInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.tasks.setPriority(ctx.req, input)),
  /** Cancels up to 500 tasks `{ids}` in one statement; answers each id's outcome and a one-line summary. */
  cancelMany: procedure
    .input(TaskIdsInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.bulkTasks.cancelMany(ctx.req, input)),
  /** Retries up to 500 dead-lettered, failed or cancelled tasks `{ids}`; answers each id's outcome and a summary. */
  retryMany: procedure
    .input(TaskIdsInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.bulkTasks.retryMany(ctx.req, input)),
  /** Reprioritises up to 500 unfinished tasks `{ids, priority}`; answers each id's outcome (with its previous priority) and a summary. */
  setPriorityMany: procedure
    .input(SetPriorityManyInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.bulkTasks.setPriorityMany(ctx.req, input)),
  /** A dead-lettered, failed or cancelled task back to the queue with a fresh set of attempts. */
  retry: procedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.deadLetters.retry(ctx.req, input.id)),
  retryDeadLetters: procedure
    .input(RetryDeadLettersInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.deadLetters.retryMatching(ctx.req, input)),
  /** How many dead letters `retryDeadLetters` would retry with these filters: `{count}`. */
  countDeadLetters: procedure
    .input(RetryDeadLettersInput)
    .query(({ ctx, input }) => ctx.runtime.core.views.countDeadLetters(ctx.req, input)),
  discard: procedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.deadLetters.discard(ctx.req, input.id)),
});
