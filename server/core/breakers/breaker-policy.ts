import { z } from 'zod';

/**
 * When a circuit breaker opens and how long it stays open. A "call" is one finished attempt
 * on the agent (success, or failure including lost and timed out), not an HTTP request.
 */
export const BreakerPolicyInput = z
  .strictObject({
    /** Most recent calls the failure rate is computed over. */
    window: z
      .number()
      .int('window must be a whole number of calls')
      .min(1, 'window must hold at least 1 call')
      .max(1000, 'window must hold at most 1000 calls')
      .default(20),
    /** Calls the window needs before the failure rate may open the breaker. */
    minCalls: z.number().int('minCalls must be a whole number').min(1, 'minCalls must be at least 1').default(5),
    /** Share of failed calls in the window (0 < rate ≤ 1) that opens the breaker. */
    failureRate: z.number().gt(0, 'failureRate must be above 0').max(1, 'failureRate must be at most 1').default(0.5),
    /** Failures in a row that open the breaker whatever the window says. */
    consecutiveFailures: z
      .number()
      .int('consecutiveFailures must be a whole number')
      .min(1, 'consecutiveFailures must be at least 1')
      .default(5),
    /** First cool-down; each failed probe doubles it up to `maxCoolDownMs`. */
    coolDownMs: z
      .number()
      .int('coolDownMs must be whole milliseconds')
      .min(1, 'coolDownMs must be positive')
      .default(30_000),
    maxCoolDownMs: z
      .number()
      .int('maxCoolDownMs must be whole milliseconds')
      .min(1, 'maxCoolDownMs must be positive')
      .default(300_000),
  })
  .refine((p) => p.minCalls <= p.window, { message: 'minCalls must not exceed window', path: ['minCalls'] })
  .refine((p) => p.maxCoolDownMs >= p.coolDownMs, {
    message: 'maxCoolDownMs must be at least coolDownMs',
    path: ['maxCoolDownMs'],
  });
export type BreakerPolicyInput = z.input<typeof BreakerPolicyInput>;
export type BreakerPolicy = z.output<typeof BreakerPolicyInput>;

/**
 * 20 calls, at least 5, 50 % or 5 in a row. A first cool-down of 30 s rides out an agent restart
 * or a provider blip while costing a healthy agent little after a bad streak; failed probes then
 * wait 60, 120, 240 and at most 300 s, so a broken agent is probed a dozen times an hour.
 */
export const DEFAULT_BREAKER_POLICY: Readonly<BreakerPolicy> = Object.freeze({
  window: 20,
  minCalls: 5,
  failureRate: 0.5,
  consecutiveFailures: 5,
  coolDownMs: 30_000,
  maxCoolDownMs: 300_000,
});

/** "500 ms", "30 s", "90 s", "4 min": short, for reasons shown to operators. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 100) / 10} s`;
}

export const formatPercent = (rate: number): string => `${Math.round(rate * 100)} %`;
