import { z } from 'zod';

const MAX_MS = 8.64e15;

/** An instant as epoch milliseconds or an ISO 8601 string (URLs carry either); parsed to epoch ms. */
export const TimeInput = z.union([
  z.number().int().min(0).max(MAX_MS),
  z
    .string()
    .max(40)
    .regex(/^\d{4}-\d{2}-\d{2}T/, 'must be epoch ms or an ISO 8601 time')
    .transform((v, ctx) => {
      const ms = Date.parse(v);
      if (Number.isNaN(ms)) {
        ctx.addIssue({ code: 'custom', message: 'must be epoch ms or an ISO 8601 time' });
        return z.NEVER;
      }
      return ms;
    }),
]);
