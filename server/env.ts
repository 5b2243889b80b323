import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './core/shared/input-limits';
import { parseProjectWeights } from './core/tasks/queue-policy';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const EnvSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  FLIGHTDECK_DATA_DIR: z.string().default('.flightdeck'),
  FLIGHTDECK_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  FLIGHTDECK_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  FLIGHTDECK_DEMO: bool.default(true),
  FLIGHTDECK_DEMO_AGENTS: z.coerce.number().int().min(0).max(200).default(6),
  FLIGHTDECK_DEMO_TASKS_PER_MIN: z.coerce.number().min(0).max(6000).default(40),
  FLIGHTDECK_HEARTBEAT_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  FLIGHTDECK_UNHEALTHY_AFTER_MS: z.coerce.number().int().min(100).default(15_000),
  FLIGHTDECK_OFFLINE_AFTER_MS: z.coerce.number().int().min(200).default(30_000),
  FLIGHTDECK_ACCEPT_DEADLINE_MS: z.coerce.number().int().min(100).default(10_000),
  FLIGHTDECK_STALL_TIMEOUT_MS: z.coerce.number().int().min(200).default(60_000),
  /** 0: tasks without their own timeoutMs run without limit. */
  FLIGHTDECK_TASK_TIMEOUT_MS: z.coerce.number().int().min(0).default(3_600_000),
  FLIGHTDECK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1_000),
  FLIGHTDECK_RETRY_CAP_MS: z.coerce.number().int().min(1).default(300_000),
  FLIGHTDECK_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).default(30_000),
  FLIGHTDECK_DECISION_HISTORY: z.coerce.number().int().min(1_000).default(200_000),
  FLIGHTDECK_DB_POOL: z.coerce.number().int().min(1).max(200).default(10),
  /** First hold of a task a pre-assignment hook vetoed; it doubles per hold in a row, up to 5 min. */
  FLIGHTDECK_HOOK_HOLD_MS: z.coerce.number().int().min(10).max(300_000).default(5_000),
  /** In-process plugins: module paths, comma-separated (absolute or from the working directory). */
  FLIGHTDECK_PLUGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  /** Queue ageing: a waiting task's priority improves by one level per step. */
  FLIGHTDECK_AGING_STEP_MS: z.coerce.number().int().min(10).default(60_000),
  /** Fair-share weights, `alpha=3,beta=0.5`; other projects weigh 1. */
  FLIGHTDECK_PROJECT_WEIGHTS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      try {
        return parseProjectWeights(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    }),
  /** Context-window share at which an agent consolidates before new work, and past which it takes nothing new. */
  FLIGHTDECK_CONTEXT_CONSOLIDATE_AT: z.coerce.number().gt(0).max(1).default(0.85),
  FLIGHTDECK_CONTEXT_FULL_AT: z.coerce.number().gt(0).max(1).default(0.95),
  /** Agents outside pools idle this long go to sleep and wake for matching work (0: never). */
  FLIGHTDECK_IDLE_SLEEP_MS: z.coerce.number().int().min(0).default(0),
  /** Terminated agents older than this are deleted from the list (default a week). */
  FLIGHTDECK_TERMINATED_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(7 * 24 * 3_600_000),
  /** Metric samples behind the charts are kept this long (the longest chart range is 7 days). */
  FLIGHTDECK_METRICS_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(60_000)
    .default(7 * 24 * 3_600_000),
  /** Events in the durable log are kept this long (then pruned in batches, once every durable consumer has them). */
  FLIGHTDECK_EVENTS_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(60_000)
    .default(7 * 24 * 3_600_000),
  /** Raw 5 s samples are kept this long, then rolled up (at least 6 h: the 6h chart reads them at full resolution). */
  FLIGHTDECK_METRICS_RAW_MS: z.coerce
    .number()
    .int()
    .min(6 * 3_600_000)
    .default(6 * 3_600_000),
  FLIGHTDECK_AUTOSCALE_INTERVAL_MS: z.coerce.number().int().min(100).default(2_000),
  /** How often alert rules are evaluated; state changes (a task queued, an agent lost) kick a pass sooner. */
  FLIGHTDECK_ALERT_EVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** How long a firing alert's condition must stay clear before it resolves (against flapping). */
  FLIGHTDECK_ALERT_RESOLVE_DELAY_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** The leader lease: renewed every third of this; a leader that stops renewing is replaced within about this. */
  FLIGHTDECK_LEASE_TTL_MS: z.coerce.number().int().min(1_000).max(120_000).default(6_000),
  /** Signal to exit: agents, HTTP requests and the core share it (server/shutdown/budget.ts); past it the process exits 1. */
  FLIGHTDECK_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(3_000).max(600_000).default(10_000),
  /** How agents started by pools reach this server (default http://127.0.0.1:$PORT). */
  FLIGHTDECK_PUBLIC_URL: z.string().url().optional(),
  /** Webhooks (channels, hooks) may target loopback, link-local and private addresses (tests, trusted networks). */
  FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS: bool.default(false),
  /** Attempts of one webhook delivery (channels, hooks) before it is marked failed and its subject moves on. */
  FLIGHTDECK_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  /** First wait before a delivery is retried; it doubles per attempt, up to 10 min. */
  FLIGHTDECK_DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(1_000),
  /** Request bodies past this answer 413 before they are parsed. */
  FLIGHTDECK_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(16 * 1024)
    .default(4 * 1024 * 1024),
  /** Procedures per batched request (`a,b,c?batch=1`). */
  FLIGHTDECK_MAX_BATCH_CALLS: z.coerce.number().int().min(1).max(10_000).default(100),
  /** JSON bytes of a task's result (`work.complete`); it travels in a request body, so keep it below the body limit. */
  FLIGHTDECK_MAX_RESULT_BYTES: z.coerce.number().int().min(1).default(DEFAULT_INPUT_LIMITS.resultBytes),
  FLIGHTDECK_MAX_PROGRESS_CHARS: z.coerce.number().int().min(1).default(DEFAULT_INPUT_LIMITS.progressMessageChars),
  FLIGHTDECK_MAX_LABELS: z.coerce.number().int().min(0).default(DEFAULT_INPUT_LIMITS.labels.count),
  FLIGHTDECK_MAX_LABEL_KEY_CHARS: z.coerce.number().int().min(1).default(DEFAULT_INPUT_LIMITS.labels.keyChars),
  FLIGHTDECK_MAX_LABEL_VALUE_CHARS: z.coerce.number().int().min(1).default(DEFAULT_INPUT_LIMITS.labels.valueChars),
  /** Live event streams (`events.live`) one session or token may hold open on one server. */
  FLIGHTDECK_MAX_STREAMS_PER_SESSION: z.coerce.number().int().min(1).max(1_000).default(8),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOSTNAME: z.string().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
});

export type Env = z.infer<typeof EnvSchema> & { dataDir: string };

/** `next dev`: the page policy then allows React's development-time eval. Set by Next itself, not by operators. */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === 'development';
}

/** What the core accepts in one value (labels, results, progress messages), from the environment. */
export function inputLimitsFrom(env: Env): InputLimits {
  return {
    resultBytes: env.FLIGHTDECK_MAX_RESULT_BYTES,
    progressMessageChars: env.FLIGHTDECK_MAX_PROGRESS_CHARS,
    labels: {
      count: env.FLIGHTDECK_MAX_LABELS,
      keyChars: env.FLIGHTDECK_MAX_LABEL_KEY_CHARS,
      valueChars: env.FLIGHTDECK_MAX_LABEL_VALUE_CHARS,
    },
  };
}

const Thresholds = z
  .object({ FLIGHTDECK_CONTEXT_CONSOLIDATE_AT: z.number(), FLIGHTDECK_CONTEXT_FULL_AT: z.number() })
  .refine((e) => e.FLIGHTDECK_CONTEXT_CONSOLIDATE_AT <= e.FLIGHTDECK_CONTEXT_FULL_AT, {
    message: 'must not exceed FLIGHTDECK_CONTEXT_FULL_AT',
    path: ['FLIGHTDECK_CONTEXT_CONSOLIDATE_AT'],
  });

/** The only reader of process.env: a bad setting stops start-up with a message naming it. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.pipe(
    z.any().superRefine((v, ctx) => {
      const r = Thresholds.safeParse(v);
      if (!r.success)
        for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
    }),
  ).safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.FLIGHTDECK_DATA_DIR) };
}
