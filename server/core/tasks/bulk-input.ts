import { z } from 'zod';
import { PRIORITIES } from '../model';

/** Most tasks one bulk action takes: one dashboard selection, or a script's batch. */
export const MAX_BULK_TASKS = 500;

const TaskId = z.string().trim().min(1, 'must not be empty').max(64);

/** Distinct ids, in the order first given (a selection may name a task twice). */
export const TaskIdsInput = z.object({
  ids: z
    .array(TaskId)
    .min(1, 'must hold at least one task id')
    .max(MAX_BULK_TASKS, `must hold at most ${MAX_BULK_TASKS} task ids`)
    .transform((ids) => [...new Set(ids)]),
});
export type TaskIdsInput = z.input<typeof TaskIdsInput>;

export const SetPriorityInput = z.object({ id: TaskId, priority: z.enum(PRIORITIES) });
export type SetPriorityInput = z.input<typeof SetPriorityInput>;

export const SetPriorityManyInput = TaskIdsInput.extend({ priority: z.enum(PRIORITIES) });
export type SetPriorityManyInput = z.input<typeof SetPriorityManyInput>;
