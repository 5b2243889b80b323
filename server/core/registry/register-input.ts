import { z } from 'zod';
import { AGENT_ACTIVITIES } from '../model';

/** Tokens; the columns holding context sizes are 32-bit. */
const MAX_CONTEXT_WINDOW = 100_000_000;

const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(128)
  .regex(/^[\w.:@/-]+$/, 'may contain letters, digits and . _ - : @ / only');

export const CapabilityInput = z.union([
  name.transform((n) => ({ name: n, level: 1 })),
  z.object({ name, level: z.number().min(0).max(1).default(1) }),
]);

export const RegisterAgentInput = z.object({
  name,
  runtime: z.string().trim().min(1).max(64).default('custom'),
  capabilities: z.array(CapabilityInput).max(100).default([]),
  maxConcurrency: z.number().int().min(1).max(1000).default(1),
  /** Count and lengths are checked against the configured limits (InputLimits). */
  labels: z.record(z.string(), z.string()).default({}),
  contextWindow: z.number().int().positive().max(MAX_CONTEXT_WINDOW).optional(),
});
export type RegisterAgentInput = z.input<typeof RegisterAgentInput>;

/**
 * What the agent's CLI is doing, parsed by its adapter from the CLI's event stream. The
 * control plane shows it and routes on it: a rate-limited agent is parked until `resetAt`.
 */

export const ActivityInput = z.object({
  state: z.enum(AGENT_ACTIVITIES),
  detail: z.string().max(500).optional(),
  /** Epoch ms when a rate limit lifts, when the CLI says so. */
  resetAt: z.number().int().positive().optional(),
});

export const HeartbeatInput = z
  .object({
    /** Fraction 0..1 of the agent's own capacity it considers used (CPU, tokens…). */
    load: z.number().min(0).max(1).optional(),
    contextUsed: z.number().int().min(0).max(MAX_CONTEXT_WINDOW).optional(),
    contextWindow: z.number().int().positive().max(MAX_CONTEXT_WINDOW).optional(),
    activity: ActivityInput.optional(),
    /** The CLI conversation to resume after a restart or wake (null: start afresh next time). */
    sessionId: z.string().min(1).max(256).nullable().optional(),
  })
  .default({});
export type HeartbeatInput = z.input<typeof HeartbeatInput>;
