import { z } from 'zod';
import { SetPriorityInput, SetPriorityManyInput, TaskIdsInput } from '@/server/core/tasks/bulk-input';
import { RetryDeadLettersInput } from '@/server/core/tasks/dead-letters';
import { SubmitTasksInput } from '@/server/core/tasks/submit-input';
import { ListTasksInput } from '@/server/core/tasks/task-service';
import { operatorProcedure, router } from '../init';

const ById = z.object({ id: z.string().min(1).max(64) });

export const tasksRouter = router({
  submit: operatorProcedure.input(SubmitTasksInput).mutation(({ ctx, input }) => ctx.runtime.core.tasks.submit(input, ctx.principal.name)),
  get: operatorProcedure.input(ById).query(({ ctx, input }) => ctx.runtime.core.tasks.get(input.id)),
  detail: operatorProcedure.input(ById).query(({ ctx, input }) => ctx.runtime.core.taskDetail(input.id)),
  list: operatorProcedure.input(ListTasksInput).query(({ ctx, input }) => ctx.runtime.core.listTasks(input)),
  /** Why a queued (or blocked) task is not running: `{code, message}`, or null when it is not waiting. */
  whyPending: operatorProcedure.input(ById).query(({ ctx, input }) => ctx.runtime.core.whyPending(input.id)),
  cancel: operatorProcedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.tasks.cancel(input.id)),
  /** A task not yet finished gets another priority `{id, priority}`; the queue reorders at once. Answers the task. */
  setPriority: operatorProcedure.input(SetPriorityInput).mutation(({ ctx, input }) => ctx.runtime.core.tasks.setPriority(input, ctx.principal)),
  /** Cancels up to 500 tasks `{ids}` in one statement; answers each id's outcome and a one-line summary. */
  cancelMany: operatorProcedure.input(TaskIdsInput).mutation(({ ctx, input }) => ctx.runtime.core.bulkTasks.cancelMany(input, ctx.principal)),
  /** Retries up to 500 dead-lettered, failed or cancelled tasks `{ids}`; answers each id's outcome and a summary. */
  retryMany: operatorProcedure.input(TaskIdsInput).mutation(({ ctx, input }) => ctx.runtime.core.bulkTasks.retryMany(input, ctx.principal)),
  /** Reprioritises up to 500 unfinished tasks `{ids, priority}`; answers each id's outcome (with its previous priority) and a summary. */
  setPriorityMany: operatorProcedure.input(SetPriorityManyInput).mutation(({ ctx, input }) => ctx.runtime.core.bulkTasks.setPriorityMany(input, ctx.principal)),
  /** A dead-lettered, failed or cancelled task back to the queue with a fresh set of attempts. */
  retry: operatorProcedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.deadLetters.retry(input.id, ctx.principal.name)),
  retryDeadLetters: operatorProcedure.input(RetryDeadLettersInput).mutation(({ ctx, input }) => ctx.runtime.core.deadLetters.retryMatching(input, ctx.principal.name)),
  /** How many dead letters `retryDeadLetters` would retry with these filters: `{count}`. */
  countDeadLetters: operatorProcedure.input(RetryDeadLettersInput).query(({ ctx, input }) => ctx.runtime.core.deadLetters.count(input)),
  discard: operatorProcedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.deadLetters.discard(input.id)),
});
