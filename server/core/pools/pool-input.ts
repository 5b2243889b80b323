import { z } from 'zod';
import { parseSleepWindow } from './sleep-windows';

const name = z.string().trim().min(1, 'must not be empty').max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'may contain lowercase letters, digits and - only');
const capability = z.string().trim().min(1).max(128).regex(/^[\w.:@/-]+$/, 'may contain letters, digits and . _ - : @ / only');
const sleepWindow = z.string().trim().superRefine((v, ctx) => {
  try {
    parseSleepWindow(v);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
  }
});

export const PROVIDER_KINDS = ['simulated', 'process', 'docker'] as const;
export const ADAPTERS = ['claude', 'gemini', 'codex', 'aider', 'shell'] as const;

const PoolFields = z.object({
  name,
  capabilities: z.array(capability).min(1, 'a pool needs at least one capability').max(50),
  provider: z.enum(PROVIDER_KINDS),
  providerSettings: z.record(z.string(), z.unknown()).default({}),
  adapter: z.enum(ADAPTERS).default('shell'),
  /** Tasks each agent runs at once. */
  agentConcurrency: z.number().int().min(1).max(64).default(1),
  minSize: z.number().int().min(0).max(1000).default(0),
  maxSize: z.number().int().min(0).max(1000).default(5),
  /** Queued tasks per agent the pool aims for: backlog 42 at 5/agent wants 9 agents. */
  targetBacklogPerAgent: z.number().int().min(1).max(10_000).default(2),
  scaleUpCooldownMs: z.number().int().min(0).max(86_400_000).default(10_000),
  scaleDownCooldownMs: z.number().int().min(0).max(86_400_000).default(30_000),
  /** Idle this long: agents above `minSize` are removed, those within it sleep. */
  idleTimeoutMs: z.number().int().min(1_000).max(86_400_000).default(60_000),
  /** `Mon-Fri 22:00-06:00`, `daily 01:00-05:00` (UTC): idle agents sleep and nothing wakes them. */
  sleepWindows: z.array(sleepWindow).max(20).default([]),
  enabled: z.boolean().default(true),
});

const boundsOk = (p: { minSize?: number; maxSize?: number }) => p.minSize === undefined || p.maxSize === undefined || p.minSize <= p.maxSize;
const bounds = { message: 'must be at least minSize', path: ['maxSize'] };

export const CreatePoolInput = PoolFields.refine(boundsOk, bounds);
export type CreatePoolInput = z.input<typeof CreatePoolInput>;
export type PoolSettings = z.output<typeof CreatePoolInput>;

export const UpdatePoolInput = PoolFields.partial().extend({ id: z.string().min(1).max(64) }).refine(boundsOk, bounds);
export type UpdatePoolInput = z.input<typeof UpdatePoolInput>;
