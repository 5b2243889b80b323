import type { OrchestratorOptions } from './orchestrator-options';
import { createAlertModule } from './alerts/alert-module';
import type { AlertRules } from './alerts/alert-rules';
import type { AlertService } from './alerts/alert-service';
import type { AgentSignalsTracker } from './balancing/agent-signals';
import type { BreakerService } from './breakers/breaker-service';
import { createBreakerModule } from './breakers/breaker-module';
import { createClusterModule, type ReplicaIdentity } from './cluster/cluster-module';
import type { Leadership } from './cluster/leadership';
import { DEFAULT_CONTEXT_POLICY, type ContextPolicy } from './context/context-policy';
import { createDeliveryModule, type DeliveryQueue } from './deliveries/delivery-module';
import type { AnyBusEvent } from './events';
import { DEFAULT_HEARTBEAT_POLICY, type HeartbeatPolicy } from './health/heartbeat-sweep';
import { createHooksModule } from './hooks/hooks-module';
import type { HookService } from './hooks/hook-service';
import type { DeliveryTargetLookup } from './deliveries/ports';
import { createLogModule } from './log/log-module';
import type { LogFeed } from './log/log-feed';
import { createMetricsModule } from './metrics/metrics-module';
import type { ChannelService } from './notify/channel-service';
import { createNotifyModule } from './notify/notify-module';
import type { Autoscaler } from './pools/autoscaler';
import type { PoolAgents } from './pools/pool-agents';
import { createPoolModule } from './pools/pool-module';
import type { PoolService } from './pools/pool-service';
import { ReadViews } from './read-views';
import type { AgentLifecycle } from './registry/agent-lifecycle';
import type { AgentRegistry } from './registry/agent-registry';
import { createFleetModule } from './registry/fleet-module';
import type { RoutingPolicy } from './routing/routing-policy';
import { createDispatchModule } from './scheduler/dispatch-module';
import type { Dispatcher } from './scheduler/dispatcher';
import type { AuthService } from './security/auth-service';
import { createSecurityModule } from './security/security-module';
import type { CoreDeps, CoreModule } from './shared/core-module';
import type { LoopScope, Ticker, TickerSnapshot } from './shared/ticker';
import type { BulkTaskActions } from './tasks/bulk-actions';
import type { DeadLetters } from './tasks/dead-letters';
import { createTaskModule } from './tasks/task-module';
import type { TaskService } from './tasks/task-service';
import { DEFAULT_LEASE_POLICY, type LeasePolicy } from './work/lease-policy';
import { createWorkModule } from './work/work-module';
import type { WorkService } from './work/work-service';

export type OrchestratorDeps = CoreDeps;
export type { OrchestratorOptions };

/** A week: long enough to read what a terminated agent did, short enough that the list stays small. */
export const DEFAULT_TERMINATED_RETENTION_MS = 7 * 24 * 3_600_000;

/**
 * The composition root: builds each capability from the ports, in dependency order, and runs
 * what they register (loops, event handlers). One per server process; `start()` runs the loops.
 */
export class Orchestrator {
  readonly auth: AuthService;
  readonly registry: AgentRegistry;
  readonly lifecycle: AgentLifecycle;
  readonly breakers: BreakerService;
  readonly tasks: TaskService;
  readonly bulkTasks: BulkTaskActions;
  readonly deadLetters: DeadLetters;
  readonly work: WorkService;
  readonly dispatcher: Dispatcher;
  readonly routing: RoutingPolicy;
  /** Recent outcomes, latency and held contexts per agent: what the composite strategy weighs. */
  readonly signals: AgentSignalsTracker;
  readonly pools: PoolService;
  readonly poolAgents: PoolAgents;
  readonly autoscaler: Autoscaler;
  /** Alerts: the operator's verbs, and the rules they are raised by. */
  readonly alerts: AlertService;
  readonly alertRules: AlertRules;
  /** Reads across capabilities: agents with their breakers, tasks with why they wait, overview, charts. */
  readonly views: ReadViews;
  readonly contextPolicy: ContextPolicy;
  readonly heartbeatPolicy: HeartbeatPolicy;
  readonly leasePolicy: LeasePolicy;
  /** The replica's reader of the event log: every state change of every replica, once, in commit order. */
  readonly feed: LogFeed;
  /** Whether this replica leads the cluster (runs the cluster loops), and under which epoch. */
  readonly leadership: Leadership;
  readonly replica: ReplicaIdentity;
  readonly hooks: HookService;
  /** The deliverer's lookup for `hook` deliveries (url, secret, enabled, timeout). */
  readonly hookTargets: DeliveryTargetLookup;
  /** Outgoing webhook deliveries (channels, hooks): queued here, sent by the leader. */
  readonly deliveries: DeliveryQueue;
  /** Alert notification channels. */
  readonly channels: ChannelService;
  private readonly cluster: ReturnType<typeof createClusterModule>;
  private readonly modules: CoreModule[];
  private readonly dispatchLoop: Ticker;
  private readonly autoscaleLoop: Ticker;
  private readonly alertLoop: Ticker;
  private unsubscribe: (() => void) | null = null;

  constructor(
    readonly deps: OrchestratorDeps,
    opts: OrchestratorOptions = {},
  ) {
    this.heartbeatPolicy = { ...DEFAULT_HEARTBEAT_POLICY, ...opts.heartbeat };
    this.leasePolicy = opts.lease ?? DEFAULT_LEASE_POLICY;
    this.contextPolicy = opts.contextPolicy ?? DEFAULT_CONTEXT_POLICY;
    const contextPolicy = this.contextPolicy;
    // Work or capacity appeared somewhere: dispatch soon. The loop exists once the dispatch module is built.
    const kickDispatch = () => this.dispatchLoop.kick();
    // Gaining the lease starts the cluster loops, each tick inside the fence of the new term; losing it stops them.
    this.cluster = createClusterModule(deps, opts.cluster ?? {}, {
      gained: (epoch) => {
        for (const loop of this.loops('cluster')) loop.start(this.leadership.fenced(epoch));
      },
      lost: async () => void (await Promise.all(this.loops('cluster').map((l) => l.stop()))),
    });
    ({ leadership: this.leadership, replica: this.replica } = this.cluster);

    const eventLog = createLogModule(deps, {
      wakeups: opts.logWakeups,
      retentionMs: opts.eventRetentionMs,
      pollMs: opts.logPollMs,
    });
    this.feed = eventLog.feed;
    const security = createSecurityModule(deps);
    const fleet = createFleetModule(
      deps,
      {
        heartbeat: this.heartbeatPolicy,
        contextPolicy,
        inputLimits: opts.inputLimits,
        sweepIntervalMs: opts.sweepIntervalMs,
        terminatedRetentionMs: opts.terminatedRetentionMs ?? DEFAULT_TERMINATED_RETENTION_MS,
      },
      { kickDispatch, forgetAgent: (id) => security.auth.forgetAgent(id) },
    );
    const breakers = createBreakerModule(deps, opts.breakerCoolDownMs ?? 30_000, this.leadership);
    const tasks = createTaskModule(deps, kickDispatch);
    const work = createWorkModule(deps, opts, {
      kickDispatch,
      touchAgent: async (agentId) => void (await fleet.registry.heartbeat(agentId, {})),
    });
    const deliveries = createDeliveryModule(deps, {
      sender: opts.webhookSender,
      userAgent: `Flightdeck/${this.replica.version}`,
      ...opts.deliveryRetry,
    });
    const hooks = createHooksModule(deps, {
      ...opts.hooks,
      deliveries: deps.store.deliveries,
      kick: () => deliveries.queue.kick(),
      sender: opts.webhookSender ?? null,
      allowPrivate: opts.allowPrivateWebhooks ?? false,
    });
    const dispatch = createDispatchModule(
      deps,
      { ...opts, contextPolicy },
      { breakers: breakers.breakers, handoff: work.work.polls.waiters, screen: hooks.screen },
    );
    const pools = createPoolModule(
      deps,
      { ...opts, contextPolicy, samplesRetentionMs: opts.metricsRetentionMs },
      fleet,
    );
    const metrics = createMetricsModule(deps, {
      sampleIntervalMs: opts.sampleIntervalMs,
      retentionMs: opts.metricsRetentionMs,
      rawMs: opts.metricsRawMs,
    });
    const alerts = createAlertModule(
      deps,
      { evalIntervalMs: opts.alertEvalIntervalMs, resolveDelayMs: opts.alertResolveDelayMs },
      { lifecycle: fleet.lifecycle, breakers: breakers.breakers, deadLetters: tasks.deadLetters, pools: pools.pools },
    );
    const notify = createNotifyModule(deps, deliveries.queue, {
      allowPrivate: opts.allowPrivateWebhooks ?? false,
      publicUrl: opts.serverUrl ?? (() => 'http://127.0.0.1:3000'),
    });
    this.modules = [
      this.cluster.module,
      eventLog.module,
      security.module,
      fleet.module,
      breakers.module,
      tasks.module,
      work.module,
      dispatch.module,
      hooks.module,
      pools.module,
      metrics.module,
      alerts.module,
      deliveries.module,
      notify.module,
    ];
    this.deliveries = deliveries.queue;
    deliveries.queue.registerTarget('hook', hooks.hookTargets);
    this.channels = notify.channels;

    ({ auth: this.auth } = security);
    ({ registry: this.registry, lifecycle: this.lifecycle } = fleet);
    ({ breakers: this.breakers } = breakers);
    ({ tasks: this.tasks, bulkTasks: this.bulkTasks, deadLetters: this.deadLetters } = tasks);
    ({ work: this.work } = work);
    ({ service: this.hooks, hookTargets: this.hookTargets } = hooks);
    ({ dispatcher: this.dispatcher, routing: this.routing, signals: this.signals, loop: this.dispatchLoop } = dispatch);
    ({ pools: this.pools, poolAgents: this.poolAgents, autoscaler: this.autoscaler, loop: this.autoscaleLoop } = pools);
    ({ alerts: this.alerts, rules: this.alertRules, loop: this.alertLoop } = alerts);
    this.views = new ReadViews({
      store: deps.store,
      clock: deps.clock,
      registry: this.registry,
      breakers: this.breakers,
      signals: this.signals,
      poolAgents: this.poolAgents,
      tasks: this.tasks,
      deadLetters: this.deadLetters,
      pools: this.pools,
      dispatcher: this.dispatcher,
      contextPolicy,
      leasePolicy: this.leasePolicy,
      replicaId: this.replica.id,
    });
  }

  /**
   * Resolves once this replica has competed for the lease once (a lone replica leads by then) and
   * the log reader knows where the log ends: every change from then on reaches the modules.
   */
  async start(): Promise<void> {
    const fromLog = this.feed.subscribe((e) => this.onEvent(e));
    const signals = this.deps.bus.subscribe((e) => this.onEvent(e));
    this.unsubscribe = () => {
      fromLog();
      signals();
    };
    for (const m of this.modules) m.start?.();
    for (const loop of this.loops('replica')) loop.start();
    await this.cluster.join();
    await this.feed.start();
  }

  /** The cluster loops stop and the lease is handed over first, so another replica takes over at once. */
  async stop(): Promise<void> {
    for (const m of this.modules) m.stop?.();
    await this.cluster.leave();
    await Promise.all([...this.loops(), this.feed.loop].map((l) => l.stop()));
    this.unsubscribe?.();
  }

  /** Runs one autoscaler tick now, never alongside the loop's own (tests, operators' "scale now"). */
  autoscaleNow(): Promise<void> {
    return this.autoscaleLoop.runOnce();
  }

  /** Runs one dispatch pass now (tests, and callers that want an answer without waiting). */
  dispatchNow(): Promise<void> {
    return this.dispatchLoop.runOnce();
  }

  /** Runs one alert evaluation pass now, never alongside the loop's own (tests). */
  evaluateAlertsNow(): Promise<void> {
    return this.alertLoop.runOnce();
  }

  /** Every loop of this replica; a cluster loop shows `running` only on the leader. */
  loopSnapshots(): TickerSnapshot[] {
    return [...this.loops(), this.feed.loop, this.leadership.loop].map((l) => l.snapshot());
  }

  private loops(scope?: LoopScope): Ticker[] {
    const all = this.modules.flatMap((m) => m.loops);
    return scope ? all.filter((l) => l.scope === scope) : all;
  }

  /** Every event of every replica goes to each capability that listens; one failing never stops the others. */
  private onEvent(e: AnyBusEvent): void {
    for (const m of this.modules) {
      try {
        m.onEvent?.(e);
      } catch (err) {
        this.deps.log.error({ err, module: m.name, event: e.name }, 'event handler failed');
      }
    }
  }
}
