import { LeastLoaded } from './balancing/least-loaded';
import { DEFAULT_HEARTBEAT_POLICY, HeartbeatSweep, type HeartbeatPolicy } from './health/heartbeat-sweep';
import { readOverview } from './metrics/overview';
import { MetricSampler, SAMPLE_INTERVAL_MS } from './metrics/sampler';
import type { Clock, EventBus, Logger, Metrics, Store } from './ports';
import { AgentRegistry } from './registry/agent-registry';
import { Dispatcher } from './scheduler/dispatcher';
import { AuthService } from './security/auth-service';
import { Ticker, type TickerSnapshot } from './shared/ticker';
import { TaskService } from './tasks/task-service';
import { WorkService } from './work/work-service';

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
  sampleIntervalMs?: number;
}

/** Composes the core from its ports. One per server process; `start()` runs its loops. */
export class Orchestrator {
  readonly registry: AgentRegistry;
  readonly tasks: TaskService;
  readonly work: WorkService;
  readonly auth: AuthService;
  readonly dispatcher: Dispatcher;
  readonly heartbeatPolicy: HeartbeatPolicy;
  private readonly loops: Ticker[];
  private readonly dispatchLoop: Ticker;
  private unsubscribe: (() => void) | null = null;

  constructor(readonly deps: OrchestratorDeps, opts: OrchestratorOptions = {}) {
    const { store, bus, clock, metrics, log } = deps;
    this.heartbeatPolicy = { ...DEFAULT_HEARTBEAT_POLICY, ...opts.heartbeat };
    const kick = () => this.dispatchLoop.kick();
    this.auth = new AuthService(store, log.child({ part: 'auth' }));
    this.registry = new AgentRegistry(store, bus, clock, metrics, log.child({ part: 'registry' }), kick, (id) => this.auth.forgetAgent(id));
    this.tasks = new TaskService(store, bus, metrics, kick);
    // A poll opening is the moment an agent can take work: dispatch then, and hand the task over directly.
    this.work = new WorkService(store, bus, metrics, async (agentId) => {
      await this.registry.heartbeat(agentId, {});
    }, kick);
    this.dispatcher = new Dispatcher(store, bus, metrics, log.child({ part: 'dispatcher' }), new LeastLoaded(), this.work.polls.waiters);
    const sweep = new HeartbeatSweep(store, bus, this.registry, this.heartbeatPolicy, log.child({ part: 'sweep' }));
    const sampler = new MetricSampler(store);
    this.dispatchLoop = new Ticker('dispatcher', opts.dispatchIntervalMs ?? 1_000, async () => {
      if ((await this.dispatcher.dispatchOnce()).more) this.dispatchLoop.kick();
    }, clock, log, opts.dispatchMinGapMs ?? 5);
    this.loops = [
      this.dispatchLoop,
      new Ticker('heartbeat-sweep', opts.sweepIntervalMs ?? 1_000, async () => void (await sweep.sweep()), clock, log),
      // Assignments whose answer was lost (or written while no poll was open here) get delivered again.
      new Ticker('redelivery', opts.redeliveryIntervalMs ?? 5_000, () => this.work.polls.findAwaitingDelivery(), clock, log),
      new Ticker('metric-sampler', opts.sampleIntervalMs ?? SAMPLE_INTERVAL_MS, () => sampler.sample(), clock, log),
    ];
  }

  start(): void {
    // Assignment events may come from any replica: wake the long-polls of our agents.
    this.unsubscribe = this.deps.bus.subscribe((e) => {
      if (e.name === 'task:assigned' && !e.payload.delivered) this.work.polls.assignedInStore(e.payload.agentId);
      // Any replica may have replaced or revoked an agent's token.
      if (e.name === 'agent:registered' || e.name === 'agent:deregistered') this.auth.forgetAgent(e.payload.agentId);
    });
    for (const loop of this.loops) loop.start();
  }

  async stop(): Promise<void> {
    this.work.close();
    await Promise.all(this.loops.map((l) => l.stop()));
    this.unsubscribe?.();
  }

  /** Runs one dispatch pass now (tests, and callers that want an answer without waiting). */
  dispatchNow(): Promise<void> {
    return this.dispatchLoop.runOnce();
  }

  overview() {
    return readOverview(this.deps.store);
  }

  recentDecisions(limit: number) {
    return this.deps.store.tasks.recentDecisions(limit);
  }

  loopSnapshots(): TickerSnapshot[] {
    return this.loops.map((l) => l.snapshot());
  }
}
