import { AgentSignalsTracker } from './balancing/agent-signals';
import { createStrategy, DEFAULT_STRATEGY } from './balancing/catalog';
import { BreakerService } from './breakers/breaker-service';
import type { AnyBusEvent } from './events';
import { DEFAULT_HEARTBEAT_POLICY, HeartbeatSweep, type HeartbeatPolicy } from './health/heartbeat-sweep';
import { readOverview } from './metrics/overview';
import { readSeriesView } from './metrics/series-view';
import { MetricSampler, SAMPLE_INTERVAL_MS } from './metrics/sampler';
import type { Clock, EventBus, Logger, Metrics, Store } from './ports';
import { readDistribution, runWhatIf } from './routing/balancing-view';
import { explainTasks } from './routing/pending-view';
import { RoutingPolicy } from './routing/routing-policy';
import { AgentRegistry } from './registry/agent-registry';
import { Dispatcher } from './scheduler/dispatcher';
import { AuthService } from './security/auth-service';
import { AgentLifecycle } from './registry/agent-lifecycle';
import { DEFAULT_CONTEXT_POLICY, needsConsolidation, type ContextPolicy } from './context/context-policy';
import { holdReason } from './scheduler/agent-hold';
import { Autoscaler } from './pools/autoscaler';
import { IdleClock } from './pools/idle-clock';
import { PoolAgents } from './pools/pool-agents';
import { PoolService } from './pools/pool-service';
import { sleepIdleAgents } from './pools/idle-sleep';
import { Ticker, type TickerSnapshot } from './shared/ticker';
import { BulkTaskActions } from './tasks/bulk-actions';
import { DeadLetters } from './tasks/dead-letters';
import { settleBlockedTasks } from './tasks/dependencies';
import { TaskService } from './tasks/task-service';
import { leaseView } from './work/lease-clock';
import { DEFAULT_LEASE_POLICY, type LeasePolicy } from './work/lease-policy';
import { LeaseSweep } from './work/lease-sweep';
import { WorkService } from './work/work-service';
import type { InputLimits } from './shared/input-limits';

export interface OrchestratorDeps {
  store: Store;
  bus: EventBus;
  clock: Clock;
  metrics: Metrics;
  log: Logger;
}

export interface OrchestratorOptions {
  heartbeat?: Partial<HeartbeatPolicy>;
  /** Safety-net interval of the dispatcher; it also runs whenever work or capacity appears. */
  dispatchIntervalMs?: number;
  /** Least time between dispatch passes when kicked (and never less than the last pass took). */
  dispatchMinGapMs?: number;
  sweepIntervalMs?: number;
  redeliveryIntervalMs?: number;
  leaseSweepIntervalMs?: number;
  /** The lease rules the store applies; the core shows each active task's lease with them. */
  lease?: LeasePolicy;
  /** First cool-down of an open circuit breaker (it doubles on each failed probe, up to 5 min). */
  breakerCoolDownMs?: number;
  /** Terminated agents older than this are deleted (checked every minute). */
  terminatedRetentionMs?: number;
  /** Decision records kept (newest); older ones are pruned every minute. */
  decisionHistory?: number;
  sampleIntervalMs?: number;
  /** How long metric samples (the charts) are kept; default 7 days. */
  metricsRetentionMs?: number;
  /** Raw samples older than this are rolled up into 1- and 5-minute rows; default 6 hours. */
  metricsRawMs?: number;
  contextPolicy?: ContextPolicy;
  autoscaleIntervalMs?: number;
  /** Unmanaged agents idle this long go to sleep, and wake when matching work is queued (0: never). */
  idleSleepMs?: number;
  /** How managed agents reach this server. */
  serverUrl?: () => string;
  /** Largest result, progress message and labels the core stores. */
  inputLimits?: InputLimits;
}

/** A week: long enough to read what a terminated agent did, short enough that the list stays small. */
export const DEFAULT_TERMINATED_RETENTION_MS = 7 * 24 * 3_600_000;

/** Composes the core from its ports. One per server process; `start()` runs its loops. */
export class Orchestrator {
  readonly registry: AgentRegistry;
  readonly tasks: TaskService;
  readonly bulkTasks: BulkTaskActions;
  readonly deadLetters: DeadLetters;
  readonly work: WorkService;
  readonly auth: AuthService;
  readonly dispatcher: Dispatcher;
  readonly routing: RoutingPolicy;
  readonly breakers: BreakerService;
  readonly lifecycle: AgentLifecycle;
  readonly pools: PoolService;
  readonly poolAgents: PoolAgents;
  readonly autoscaler: Autoscaler;
  readonly contextPolicy: ContextPolicy;
  private readonly idleClock = new IdleClock();
  /** Recent outcomes, latency and held contexts per agent: what the composite strategy weighs. */
  readonly signals = new AgentSignalsTracker();
  readonly heartbeatPolicy: HeartbeatPolicy;
  readonly leasePolicy: LeasePolicy;
  private readonly loops: Ticker[];
  private readonly dispatchLoop: Ticker;
  private readonly autoscaleLoop: Ticker;
  private unsubscribe: (() => void) | null = null;

  constructor(readonly deps: OrchestratorDeps, opts: OrchestratorOptions = {}) {
    const { store, bus, clock, metrics, log } = deps;
    this.heartbeatPolicy = { ...DEFAULT_HEARTBEAT_POLICY, ...opts.heartbeat };
    this.leasePolicy = opts.lease ?? DEFAULT_LEASE_POLICY;
    const kick = () => this.dispatchLoop.kick();
    this.contextPolicy = opts.contextPolicy ?? DEFAULT_CONTEXT_POLICY;
    this.auth = new AuthService(store, log.child({ part: 'auth' }), clock);
    this.registry = new AgentRegistry(store, bus, clock, metrics, log.child({ part: 'registry' }), kick, (id) => this.auth.forgetAgent(id), this.contextPolicy, opts.inputLimits);
    this.lifecycle = new AgentLifecycle(store, bus, this.registry, log.child({ part: 'lifecycle' }), kick);
    this.poolAgents = new PoolAgents(store, this.registry, log.child({ part: 'pools' }), opts.serverUrl ?? (() => 'http://127.0.0.1:3000'), () => clock.now());
    this.lifecycle.useManagedControl(this.poolAgents);
    const autoscaleKick = () => this.autoscaleLoop.kick();
    this.pools = new PoolService(store, bus, this.poolAgents, this.lifecycle, autoscaleKick, log.child({ part: 'pools' }), (a) => holdReason(a, clock.now(), this.contextPolicy));
    this.autoscaler = new Autoscaler(store, bus, this.poolAgents, this.lifecycle, this.idleClock, log.child({ part: 'autoscaler' }), () => clock.now());
    this.tasks = new TaskService(store, bus, metrics, log.child({ part: 'tasks' }), kick, clock);
    this.bulkTasks = new BulkTaskActions(store, bus, metrics, log.child({ part: 'tasks' }), kick);
    this.deadLetters = new DeadLetters(store, bus, kick);
    this.breakers = new BreakerService(store, bus, clock, log.child({ part: 'breakers' }), opts.breakerCoolDownMs ?? 30_000);
    // A poll opening is the moment an agent can take work: dispatch then, and hand the task over directly.
    this.work = new WorkService(store, bus, metrics, async (agentId) => {
      await this.registry.heartbeat(agentId, {});
    }, kick, clock, opts.inputLimits);
    this.dispatcher = new Dispatcher(store, bus, metrics, log.child({ part: 'dispatcher' }), createStrategy(DEFAULT_STRATEGY), this.work.polls.waiters,
      {
        signals: { signals: (id) => this.breakers.decorate(id, this.signals.signals(id)), holdersOf: (key) => this.signals.holdersOf(key) },
        now: () => clock.now(),
        onRoster: (agents) => this.breakers.observe(agents),
        onAssigned: (id) => this.breakers.assigned(id),
        contextPolicy: this.contextPolicy,
      });
    // The stored policy replaces the default once loaded (start), and on every change.
    this.routing = new RoutingPolicy(store, bus, log.child({ part: 'routing' }), (strategy) => this.dispatcher.setStrategy(strategy));
    const sweep = new HeartbeatSweep(store, bus, this.registry, this.heartbeatPolicy, log.child({ part: 'sweep' }));
    const sampler = new MetricSampler(store, clock, { retentionMs: opts.metricsRetentionMs, rawMs: opts.metricsRawMs });
    const leases = new LeaseSweep(store, bus, metrics, kick);
    this.dispatchLoop = new Ticker('dispatcher', opts.dispatchIntervalMs ?? 1_000, async () => {
      if ((await this.dispatcher.dispatchOnce()).more) this.dispatchLoop.kick();
    }, clock, log, opts.dispatchMinGapMs ?? 5);
    const idleSleepMs = opts.idleSleepMs ?? 0;
    this.autoscaleLoop = new Ticker('autoscaler', opts.autoscaleIntervalMs ?? 2_000, async () => {
      await this.autoscaler.tick();
      if (idleSleepMs > 0) await sleepIdleAgents(store, this.lifecycle, this.idleClock, idleSleepMs, clock.now(), log);
    }, clock, log, 200);
    this.loops = [
      this.dispatchLoop,
      this.autoscaleLoop,
      new Ticker('pool-pruner', 60_000, () => store.pools.prune(24 * 3_600_000, 2_000), clock, log),
      new Ticker('heartbeat-sweep', opts.sweepIntervalMs ?? 1_000, async () => void (await sweep.sweep()), clock, log),
      new Ticker('breakers', 1_000, async () => this.breakers.refresh(), clock, log),
      new Ticker('lease-sweep', opts.leaseSweepIntervalMs ?? 1_000, async () => void (await leases.sweep()), clock, log),
      // Assignments written while no poll was open on the assigning replica (an event lost on the way) get delivered.
      new Ticker('redelivery', opts.redeliveryIntervalMs ?? 5_000, () => this.work.polls.findAwaitingDelivery(), clock, log),
      // Dependents of a task whose outcome landed just before a crash are settled here.
      new Ticker('dependency-sweep', 30_000, async () => void (await settleBlockedTasks(store.tasks, bus, metrics, kick)), clock, log),
      new Ticker('agent-pruner', 60_000, async () => void (await this.registry.pruneTerminated(opts.terminatedRetentionMs ?? DEFAULT_TERMINATED_RETENTION_MS)), clock, log),
      new Ticker('decision-pruner', 60_000, async () => void (await store.stats.pruneDecisions(opts.decisionHistory ?? 200_000)), clock, log),
      new Ticker('metric-sampler', opts.sampleIntervalMs ?? SAMPLE_INTERVAL_MS, () => sampler.sample(), clock, log),
    ];
  }

  start(): void {
    // Assignment events may come from any replica: wake the long-polls of our agents.
    this.unsubscribe = this.deps.bus.subscribe((e) => this.onEvent(e));
    void this.routing.load().catch((err) => this.deps.log.error({ err }, 'loading the routing policy failed; the default applies'));
    for (const loop of this.loops) loop.start();
  }

  async stop(): Promise<void> {
    this.work.close();
    await Promise.all(this.loops.map((l) => l.stop()));
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

  private onEvent(e: AnyBusEvent): void {
    this.idleClock.observe(e);
    // Queued work may need a pool to grow (or a sleeping agent to wake): decide soon, not at the next tick.
    if (e.name === 'task:submitted' || e.name === 'task:released') this.autoscaleLoop.kick();
    if (e.name === 'task:assigned' && !e.payload.delivered) this.work.polls.assignedInStore(e.payload.agentId);
    // Any replica may have replaced or revoked an agent's token.
    if (e.name === 'agent:registered' || e.name === 'agent:deregistered') this.auth.forgetAgent(e.payload.agentId);
    if (e.name === 'agent:deregistered') this.signals.forget(e.payload.agentId);
    // Outcomes from every replica feed the routing signals.
    if (e.name === 'task:completed' && (e.payload.status === 'succeeded' || e.payload.status === 'failed' || e.payload.status === 'dead-lettered')) {
      this.signals.recordOutcome(e.payload.agentId, { ok: e.payload.status === 'succeeded', durationMs: e.payload.durationMs ?? null, at: e.at });
      if (e.payload.contextKey) this.signals.recordContext(e.payload.agentId, e.payload.contextKey);
    }
    if (e.name === 'task:requeued' && e.payload.agentId) this.signals.recordOutcome(e.payload.agentId, { ok: false, durationMs: null, at: e.at });
    void this.breakers.onEvent(e).catch((err) => this.deps.log.error({ err }, 'breaker update failed'));
    if (e.name === 'routing:changed') void this.routing.load().catch((err) => this.deps.log.error({ err }, 'reloading the routing policy failed'));
  }

  /** Agents with what routing sees of their circuit breakers. */
  async listAgents(query: Parameters<AgentRegistry['list']>[0]) {
    const now = this.deps.clock.now();
    const page = await this.registry.list(query);
    return { ...page, items: page.items.map((a) => ({ ...a, breaker: this.breakers.stateOf(a), hold: holdReason(a, now, this.contextPolicy) })) };
  }

  /** An agent with its breaker, what holds it back, and the contexts it holds. */
  async getAgent(id: string) {
    const a = await this.registry.get(id);
    return {
      ...a, breaker: this.breakers.stateOf(a), hold: holdReason(a, this.deps.clock.now(), this.contextPolicy),
      contextKeys: this.signals.signals(id).contextKeys, contextPolicy: this.contextPolicy,
      consolidate: needsConsolidation(a.contextUsed, a.contextWindow, this.contextPolicy),
    };
  }

  async agentLogs(id: string, tail: number): Promise<{ logs: string; managed: boolean }> {
    const agent = await this.registry.get(id);
    if (!agent.poolId) return { logs: '', managed: false };
    return { logs: await this.poolAgents.logs(agent, tail).catch((err) => `logs unavailable: ${(err as Error).message}`), managed: true };
  }

  /** A page of tasks, with the reason each waiting one is not running yet. */
  async listTasks(input: Parameters<TaskService['list']>[0]) {
    const page = await this.tasks.list(input);
    return { ...page, pending: await explainTasks(this.deps.store, this.dispatcher, page.items, this.deps.clock.now()) };
  }

  async taskDetail(id: string) {
    const detail = await this.tasks.detail(id);
    const pending = await explainTasks(this.deps.store, this.dispatcher, [detail.task], this.deps.clock.now());
    const lease = leaseView(detail.task, this.leasePolicy, this.deps.clock.now());
    return { ...detail, pending: pending[id] ?? null, lease };
  }

  /** Why this task is not running, or null when it is not waiting. */
  async whyPending(id: string) {
    const task = await this.tasks.get(id);
    return (await explainTasks(this.deps.store, this.dispatcher, [task], this.deps.clock.now()))[id] ?? null;
  }

  distribution(input: Parameters<typeof readDistribution>[1]) {
    return readDistribution(this.deps.store, input, this.deps.clock.now());
  }

  /** The overview's charts over a time range. */
  series(input: Parameters<typeof readSeriesView>[1]) {
    return readSeriesView(this.deps.store, input, this.deps.clock.now());
  }

  whatIf(input: Parameters<typeof runWhatIf>[1]) {
    return runWhatIf(this.deps.store, input);
  }

  overview() {
    return readOverview(this.deps.store, this.deps.clock.now());
  }

  recentDecisions(limit: number) {
    return this.deps.store.tasks.recentDecisions(limit);
  }

  loopSnapshots(): TickerSnapshot[] {
    return this.loops.map((l) => l.snapshot());
  }
}
