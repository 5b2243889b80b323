import { z } from 'zod';

/**
 * Retry delays: exponential backoff with full jitter (a uniform draw between 0 and the
 * exponential bound), so a burst of failures does not come back as a synchronised burst.
 */
export const RetryPolicyInput = z
  .object({
    baseMs: z
      .number({ error: 'baseMs must be a number of milliseconds' })
      .positive('baseMs must be a positive number of milliseconds')
      .default(1000),
    factor: z
      .number({ error: 'factor must be a number' })
      .min(1, 'factor must be at least 1 (1 keeps the delay bound constant)')
      .default(2),
    capMs: z
      .number({ error: 'capMs must be a number of milliseconds' })
      .positive('capMs must be a positive number of milliseconds')
      .default(300_000),
  })
  .strict()
  .refine((p) => p.capMs >= p.baseMs, { message: 'capMs must be at least baseMs', path: ['capMs'] });
export type RetryPolicyInput = z.input<typeof RetryPolicyInput>;
export type RetryPolicy = z.output<typeof RetryPolicyInput>;

/** 1 s, 2 s, 4 s … up to 5 min: the ninth retry and later wait at most 5 min. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({ baseMs: 1000, factor: 2, capMs: 300_000 });

/**
 * The largest delay before retry number `attempt` (1 = the first retry): min(cap, base·factor^(attempt−1)).
 * Attempts below 1 (or NaN) count as 1; any attempt, even 1000 or Infinity, stays finite.
 */
export function maxRetryDelayMs(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const { baseMs, factor, capMs } = policy;
  const n = attempt > 1 ? Math.floor(attempt) - 1 : 0;
  if (n === 0 || factor === 1) return Math.min(baseMs, capMs);
  // Compared in log space, so a large exponent reaches the cap without computing factor^n.
  if (n >= Math.log(capMs / baseMs) / Math.log(factor)) return capMs;
  return Math.min(capMs, baseMs * factor ** n);
}

/**
 * Whole milliseconds to wait before retry number `attempt`, uniform in [0, maxRetryDelayMs].
 * `random` is uniform in [0, 1) (seeded in tests); values outside it are clamped.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): number {
  const bound = maxRetryDelayMs(attempt, policy);
  const r = random();
  const u = r > 0 ? Math.min(r, 1) : 0; // NaN and negatives become 0
  return Math.min(Math.floor(bound), Math.floor(u * (Math.floor(bound) + 1)));
}
