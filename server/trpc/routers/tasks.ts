import { z } from 'zod';
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
  /** A dead-lettered, failed or cancelled task back to the queue with a fresh set of attempts. */
  retry: operatorProcedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.deadLetters.retry(input.id, ctx.principal.name)),
  retryDeadLetters: operatorProcedure.input(RetryDeadLettersInput).mutation(({ ctx, input }) => ctx.runtime.core.deadLetters.retryMatching(input, ctx.principal.name)),
  discard: operatorProcedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.deadLetters.discard(input.id)),
});
