import { openDatabase, type Database } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { MemoryBus } from './adapters/bus/memory-bus';
import { RedisBus } from './adapters/bus/redis-bus';
import { createLogger } from './adapters/logger';
import { PromMetrics } from './adapters/prom-metrics';
import { createDrizzleStore } from './adapters/store/drizzle-store';
import { createWebhookSender } from './adapters/http/webhook-sender';
import { databaseLogWakeups } from './adapters/store/log-wakeups';
import { replicaIdentity } from './adapters/replica-identity';
import { systemClock } from './adapters/system-clock';
import type { WriteFence } from './core/cluster/ports';
import { Orchestrator } from './core/orchestrator';
import { loadPlugins } from './adapters/plugins/plugin-loader';
import { queuePolicy } from './core/tasks/queue-policy';
import type { LeasePolicy } from './core/work/lease-policy';
import type { EventBus, Logger, Store } from './core/ports';
import { runDemoOnLeader } from './demo/demo-on-leader';
import { createProviders } from './adapters/providers/catalog';
import { inputLimitsFrom, readEnv, type Env } from './env';
import { shutdownBudget, type ShutdownBudget } from './shutdown/budget';
import { installShutdown } from './shutdown/install-shutdown';

export interface Runtime {
  env: Env;
  core: Orchestrator;
  store: Store;
  bus: EventBus;
  metrics: PromMetrics;
  log: Logger;
  database: Database;
  mode: { storage: 'pglite' | 'postgres'; events: 'memory' | 'redis' };
  shutdownBudget: ShutdownBudget;
  /** Runs during shutdown once agents have stopped, before the database closes (the HTTP server drains here). */
  onDrain(fn: (hurry: AbortSignal) => Promise<void>): void;
  /** Stops everything in order, each step bounded by the budget; resolves whether every step succeeded. */
  stop(opts?: { hurry?: AbortSignal }): Promise<boolean>;
  /** Last resort when a shutdown overruns its budget: SIGKILL to the agent processes, synchronously. */
  killAgentProcesses(): void;
}

export interface RuntimeOptions {
  redisPrefix?: string;
  quiet?: boolean;
}

/** Composition root: environment → adapters → orchestrator. */
export async function createRuntime(env: Env, opts: RuntimeOptions = {}): Promise<Runtime> {
  const log = createLogger(env.LOG_LEVEL);
  // Before anything opens: a plugin that cannot load stops the start.
  const plugins = await loadPlugins(env.FLIGHTDECK_PLUGINS, log.child({ part: 'plugins' }));
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : env.dataDir || undefined,
    poolSize: env.FLIGHTDECK_DB_POOL,
  });
  try {
    await runMigrations(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  const lease = leasePolicyFrom(env);
  const store = createDrizzleStore(database, {
    queue: queuePolicy({ agingStepMs: env.FLIGHTDECK_AGING_STEP_MS, projectWeights: env.FLIGHTDECK_PROJECT_WEIGHTS }),
    lease,
  });
  const redis = env.REDIS_URL
    ? new RedisBus(env.REDIS_URL, log.child({ part: 'bus' }), { prefix: opts.redisPrefix })
    : null;
  await redis?.ready();
  const bus: EventBus = redis ?? new MemoryBus();
  const metrics = new PromMetrics(() => store);
  // PostgreSQL refuses a former leader's cluster-loop writes (db/fenced-pool.ts); PGlite is one process, always the leader.
  const fence: WriteFence = { run: (epoch, fn) => database.runFenced(epoch, fn) };
  const core = new Orchestrator(
    { store, bus, clock: systemClock, metrics, log, fence },
    {
      heartbeat: {
        intervalMs: env.FLIGHTDECK_HEARTBEAT_INTERVAL_MS,
        unhealthyAfterMs: env.FLIGHTDECK_UNHEALTHY_AFTER_MS,
        offlineAfterMs: env.FLIGHTDECK_OFFLINE_AFTER_MS,
      },
      decisionHistory: env.FLIGHTDECK_DECISION_HISTORY,
      terminatedRetentionMs: env.FLIGHTDECK_TERMINATED_RETENTION_MS,
      metricsRetentionMs: env.FLIGHTDECK_METRICS_RETENTION_MS,
      metricsRawMs: env.FLIGHTDECK_METRICS_RAW_MS,
      lease,
      breakerCoolDownMs: env.FLIGHTDECK_BREAKER_COOLDOWN_MS,
      contextPolicy: { consolidateAt: env.FLIGHTDECK_CONTEXT_CONSOLIDATE_AT, fullAt: env.FLIGHTDECK_CONTEXT_FULL_AT },
      idleSleepMs: env.FLIGHTDECK_IDLE_SLEEP_MS,
      autoscaleIntervalMs: env.FLIGHTDECK_AUTOSCALE_INTERVAL_MS,
      alertEvalIntervalMs: env.FLIGHTDECK_ALERT_EVAL_MS,
      alertResolveDelayMs: env.FLIGHTDECK_ALERT_RESOLVE_DELAY_MS,
      serverUrl: () => env.FLIGHTDECK_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`,
      inputLimits: inputLimitsFrom(env),
      logWakeups: databaseLogWakeups(database),
      eventRetentionMs: env.FLIGHTDECK_EVENTS_RETENTION_MS,
      cluster: { replica: replicaIdentity(Date.now()), leaseTtlMs: env.FLIGHTDECK_LEASE_TTL_MS },
      hooks: { plugins, holdBaseMs: env.FLIGHTDECK_HOOK_HOLD_MS },
      deliveryRetry: {
        maxAttempts: env.FLIGHTDECK_DELIVERY_MAX_ATTEMPTS,
        baseMs: env.FLIGHTDECK_DELIVERY_RETRY_BASE_MS,
      },
      webhookSender: createWebhookSender({ allowPrivate: env.FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS }),
      allowPrivateWebhooks: env.FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS,
    },
  );
  const providers = createProviders(
    () => ({
      heartbeat: (id, report) => core.registry.heartbeat(id, report),
      poll: (id, opts, signal) => core.work.poll(id, opts, signal),
      progress: (id, r) => core.work.progress(id, r),
      complete: (id, r) => core.work.complete(id, r),
      fail: (id, r) => core.work.fail(id, r),
      release: (id, r) => core.work.release(id, r),
    }),
    log,
  );
  core.poolAgents.useProviders(providers.providers);
  const boot = await core.auth.bootstrap({
    adminToken: env.FLIGHTDECK_ADMIN_TOKEN,
    adminPassword: env.FLIGHTDECK_ADMIN_PASSWORD,
  });
  if (!opts.quiet) announceCredentials(boot);
  await core.start();
  const demo = env.FLIGHTDECK_DEMO
    ? runDemoOnLeader(core, log.child({ part: 'demo' }), {
        agents: env.FLIGHTDECK_DEMO_AGENTS,
        tasksPerMinute: env.FLIGHTDECK_DEMO_TASKS_PER_MIN,
      })
    : null;
  await demo?.ready;
  log.info(
    {
      storage: database.describe,
      events: env.REDIS_URL ? 'redis' : 'memory',
      demo: !!demo,
      replica: core.replica.id,
      leader: core.leadership.isLeader,
    },
    'flightdeck core started',
  );
  const drains: ((hurry: AbortSignal) => Promise<void>)[] = [];
  const budget = shutdownBudget(env.FLIGHTDECK_SHUTDOWN_TIMEOUT_MS);
  let stopped: Promise<boolean> | null = null;
  return {
    env,
    core,
    store,
    bus,
    metrics,
    log,
    database,
    mode: { storage: database.kind, events: env.REDIS_URL ? 'redis' : 'memory' },
    shutdownBudget: budget,
    onDrain(fn) {
      drains.push(fn);
    },
    stop({ hurry = new AbortController().signal } = {}) {
      stopped ??= (async () => {
        let clean = true;
        const step = async (name: string, fn: () => Promise<unknown>) => {
          const started = Date.now();
          try {
            await fn();
            log.debug({ step: name, ms: Date.now() - started }, 'shutdown step done');
          } catch (err) {
            clean = false;
            log.error({ err, step: name }, 'shutdown step failed; going on with the next');
          }
        };
        // Long-polls answer at once and the loops stop first, so nothing hands out work or
        // restarts an agent while agents drain; agents report through the still-open HTTP
        // server; requests in flight finish against a live database, which closes last.
        await step('stop the loops', () => core.stop());
        await step('stop agents', () =>
          Promise.all([
            demo &&
              within(demo.stop(), budget.agentsMs).then(
                (r) => r === 'late' && log.warn({}, 'the demo fleet did not stop in time; going on'),
              ),
            providers.stop(budget.agentsMs, hurry),
          ]),
        );
        await step('drain HTTP', () => Promise.all(drains.map((d) => d(hurry))));
        await step('close the event bus', () => bus.close());
        await step('close the database', () => database.close());
        log.info({ clean }, 'flightdeck core stopped');
        return clean;
      })();
      return stopped;
    },
    killAgentProcesses: () => providers.kill(),
  };
}

/** Generated secrets are shown once, on the terminal, and never logged. */
function announceCredentials(boot: { generatedAdminToken?: string; generatedAdminPassword?: string }): void {
  const lines: string[] = [];
  if (boot.generatedAdminToken) lines.push(`  Admin API token:   ${boot.generatedAdminToken}`);
  if (boot.generatedAdminPassword) lines.push(`  Dashboard sign-in: admin / ${boot.generatedAdminPassword}`);
  if (!lines.length) return;
  process.stdout.write(
    ['', '  Flightdeck generated credentials (shown only this once; stored hashed):', ...lines, ''].join('\n') + '\n',
  );
}

const KEY = Symbol.for('flightdeck.runtime');
const SHUTDOWN = Symbol.for('flightdeck.shutdown-installed');
type Holder = { [KEY]?: Promise<Runtime>; [SHUTDOWN]?: boolean };

/** One runtime per server process, shared by every bundle Next builds (instrumentation, routes). */
export function getRuntime(): Promise<Runtime> {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const env = readEnv();
    g[KEY] = createRuntime(env);
    g[KEY].catch(() => delete g[KEY]);
    if (!g[SHUTDOWN]) {
      g[SHUTDOWN] = true;
      // `next start` and `next dev` exit on these signals as soon as their HTTP server closes,
      // which can cut the database off mid-write; in production this handler alone stops the process.
      installShutdown(() => g[KEY], { replaceListeners: env.NODE_ENV === 'production' });
    }
  }
  return g[KEY];
}

/** `p`, or 'late' if it takes longer than `ms` (it goes on in the background). */
function within<T>(p: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
    timer.unref();
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

function leasePolicyFrom(env: Env): LeasePolicy {
  return {
    acceptDeadlineMs: env.FLIGHTDECK_ACCEPT_DEADLINE_MS,
    stallTimeoutMs: env.FLIGHTDECK_STALL_TIMEOUT_MS,
    defaultTaskTimeoutMs: env.FLIGHTDECK_TASK_TIMEOUT_MS || null,
    retry: {
      baseMs: env.FLIGHTDECK_RETRY_BASE_MS,
      factor: 2,
      capMs: Math.max(env.FLIGHTDECK_RETRY_CAP_MS, env.FLIGHTDECK_RETRY_BASE_MS),
    },
  };
}
