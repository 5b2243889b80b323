import { z } from 'zod';
import { isTimeZone, parseSleepWindow } from './sleep-windows';
import { ADAPTER_NAMES } from '../shared/agent-adapters';

const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'may contain lowercase letters, digits and - only');
const capability = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[\w.:@/-]+$/, 'may contain letters, digits and . _ - : @ / only');
const sleepWindow = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    try {
      parseSleepWindow(v);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
  });
const timeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'is not an IANA time zone like "UTC" or "Europe/Berlin"');

export const PROVIDER_KINDS = ['simulated', 'process', 'docker'] as const;
export const ADAPTERS = ADAPTER_NAMES;

/** Every field a pool has, without defaults: an update must not turn an absent field into its default. */
const PoolFields = z.strictObject({
  name,
  capabilities: z.array(capability).min(1, 'a pool needs at least one capability').max(50),
  provider: z.enum(PROVIDER_KINDS),
  /** The provider's settings; `env` values are write-only (see pool-secrets.ts). */
  providerSettings: z.record(z.string(), z.unknown()),
  adapter: z.enum(ADAPTERS),
  /** Tasks each agent runs at once. */
  agentConcurrency: z.number().int().min(1).max(64),
  minSize: z.number().int().min(0).max(1000),
  maxSize: z.number().int().min(0).max(1000),
  /** Queued tasks per agent the pool aims for: backlog 42 at 5/agent wants 9 agents. */
  targetBacklogPerAgent: z.number().int().min(1).max(10_000),
  scaleUpCooldownMs: z.number().int().min(0).max(86_400_000),
  scaleDownCooldownMs: z.number().int().min(0).max(86_400_000),
  /** Idle this long: agents above `minSize` are removed, those within it sleep. */
  idleTimeoutMs: z.number().int().min(1_000).max(86_400_000),
  /** `Mon-Fri 22:00-06:00`, `daily 01:00-05:00`, in `timeZone`: idle agents sleep and nothing wakes them. */
  sleepWindows: z.array(sleepWindow).max(20),
  /** The IANA time zone the sleep windows are read in. */
  timeZone,
  enabled: z.boolean(),
});

const f = PoolFields.shape;

const boundsOk = (p: { minSize?: number; maxSize?: number }) =>
  p.minSize === undefined || p.maxSize === undefined || p.minSize <= p.maxSize;
const bounds = { message: 'must be at least minSize', path: ['maxSize'] };

export const CreatePoolInput = PoolFields.extend({
  providerSettings: f.providerSettings.default({}),
  adapter: f.adapter.default('shell'),
  agentConcurrency: f.agentConcurrency.default(1),
  minSize: f.minSize.default(0),
  maxSize: f.maxSize.default(5),
  targetBacklogPerAgent: f.targetBacklogPerAgent.default(2),
  scaleUpCooldownMs: f.scaleUpCooldownMs.default(10_000),
  scaleDownCooldownMs: f.scaleDownCooldownMs.default(30_000),
  idleTimeoutMs: f.idleTimeoutMs.default(60_000),
  sleepWindows: f.sleepWindows.default([]),
  timeZone: f.timeZone.default('UTC'),
  enabled: f.enabled.default(true),
}).refine(boundsOk, bounds);
export type CreatePoolInput = z.input<typeof CreatePoolInput>;
export type PoolSettings = z.output<typeof CreatePoolInput>;

/** A patch: the fields sent change, the others keep their values. */
export const UpdatePoolInput = PoolFields.partial()
  .extend({ id: z.string().min(1).max(64) })
  .refine(boundsOk, bounds);
export type UpdatePoolInput = z.input<typeof UpdatePoolInput>;
