import { z } from 'zod';
import { PRIORITIES } from '../model';
import { DEFAULT_PROJECT } from './queue-policy';

const MAX_PAYLOAD_BYTES = 256 * 1024;
export const MAX_DEPENDENCIES = 100;

export const TaskSpecInput = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(500),
    payload: z
      .unknown()
      .default(null)
      .refine(
        (p) => JSON.stringify(p ?? null).length <= MAX_PAYLOAD_BYTES,
        `must be at most ${MAX_PAYLOAD_BYTES} bytes of JSON`,
      ),
    capabilities: z.array(z.string().trim().min(1).max(128)).max(50).default([]),
    priority: z.enum(PRIORITIES).default('normal'),
    maxAttempts: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(100, 'must be at most 100')
      .default(3),
    contextKey: z.string().trim().min(1).max(256).optional(),
    idempotencyKey: z.string().trim().min(1).max(256).optional(),
    timeoutMs: z
      .number()
      .int('must be a whole number of milliseconds')
      .min(1000, 'must be at least 1 second (1000 ms)')
      .max(7 * 24 * 3600 * 1000, 'must be at most 7 days (604800000 ms)')
      .optional(),
    /** Fair-share group; projects are interleaved by weight within a priority. */
    project: z.string().trim().min(1, 'must not be empty').max(128).default(DEFAULT_PROJECT),
    /** Tasks sharing a key run at most `concurrencyLimit` (default 1) at a time. */
    concurrencyKey: z.string().trim().min(1, 'must not be empty').max(256).optional(),
    concurrencyLimit: z
      .number()
      .int('must be an integer')
      .min(1, 'must be ≥ 1')
      .max(10_000, 'must be ≤ 10000')
      .optional(),
    /** Ids of existing tasks that must succeed before this one is queued. */
    dependsOn: z
      .array(z.string().trim().min(1, 'must not be empty').max(64))
      .max(MAX_DEPENDENCIES, `must hold at most ${MAX_DEPENDENCIES} task ids`)
      .default([]),
  })
  .superRefine((spec, ctx) => {
    if (spec.concurrencyLimit !== undefined && spec.concurrencyKey === undefined) {
      ctx.addIssue({ code: 'custom', path: ['concurrencyLimit'], message: 'needs a concurrencyKey to limit' });
    }
  });
export type TaskSpecInput = z.input<typeof TaskSpecInput>;
export type TaskSpec = z.output<typeof TaskSpecInput>;

/** One task, or a batch `{ tasks: [...] }` submitted all-or-nothing. */
export const SubmitTasksInput = z.union([
  z.object({ tasks: z.array(TaskSpecInput).min(1, 'must hold at least one task').max(1000) }).strict(),
  TaskSpecInput,
]);
export type SubmitTasksInput = z.input<typeof SubmitTasksInput>;

export function toSpecs(input: z.output<typeof SubmitTasksInput>): TaskSpec[] {
  return 'tasks' in input ? input.tasks : [input];
}
