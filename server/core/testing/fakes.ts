import { NEUTRAL_SIGNALS, type AgentSignals, type RoutingContext } from '../balancing/strategy';
import type { AnyBusEvent, EventMap, SignalName } from '../events';
import type { Agent, Task } from '../model';
import type { Clock, EventBus, Logger, Metrics } from '../ports';
import { seededRandom } from '../shared/random';

/** Test doubles for the core's ports: in memory, deterministic. */
export class FakeClock implements Clock {
  constructor(public t = 1_700_000_000_000) {}
  now() {
    return this.t;
  }
  advance(ms: number) {
    this.t += ms;
  }
  async sleep(ms: number) {
    this.t += ms;
  }
}

export class RecordingBus implements EventBus {
  events: AnyBusEvent[] = [];
  private handlers = new Set<(e: AnyBusEvent) => void>();
  async publish<N extends SignalName>(name: N, payload: EventMap[N]) {
    const e = { id: String(this.events.length + 1), name, payload, at: 0 } as AnyBusEvent;
    this.events.push(e);
    for (const h of this.handlers) h(e);
  }
  subscribe(h: (e: AnyBusEvent) => void) {
    this.handlers.add(h);
    return () => this.handlers.delete(h);
  }
  async ping() {}
  async close() {}
  names() {
    return this.events.map((e) => e.name);
  }
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};

export const nullMetrics: Metrics = {
  registration() {},
  dispatch() {},
  decision() {},
  submitted() {},
  finished() {},
  requeued() {},
};

export function makeAgent(over: Partial<Agent> & { name: string }): Agent {
  return {
    id: `agt_${over.name}`,
    runtime: 'test',
    capabilities: [],
    maxConcurrency: 1,
    labels: {},
    status: 'idle',
    activeTasks: 0,
    contextWindow: null,
    contextUsed: null,
    load: null,
    registeredAt: 0,
    lastHeartbeatAt: 0,
    statusChangedAt: 0,
    activity: null,
    parkedUntil: null,
    sessionId: null,
    poolId: null,
    lastWorkAt: null,
    ...over,
  };
}

export function makeTask(over: Partial<Task> & { id: string }): Task {
  return {
    title: over.id,
    payload: null,
    capabilities: [],
    priority: 'normal',
    status: 'queued',
    attempt: 0,
    maxAttempts: 3,
    agentId: null,
    contextKey: null,
    project: 'default',
    concurrencyKey: null,
    concurrencyLimit: null,
    dependsOn: [],
    idempotencyKey: null,
    timeoutMs: null,
    submittedBy: null,
    result: null,
    error: null,
    progressPercent: null,
    progressMessage: null,
    createdAt: 0,
    queuedAt: 0,
    assignedAt: null,
    startedAt: null,
    finishedAt: null,
    retryAt: null,
    leaseExpiresAt: null,
    ...over,
  };
}

export interface FakeRoutingOptions {
  clock?: FakeClock;
  /** Seed of the context's `random()`; 1 unless given. */
  seed?: number;
  /** Signals by agent id; missing fields and agents are neutral. */
  signals?: Record<string, Partial<AgentSignals>>;
  /** Live agents `holders(key)` looks through: those whose signals list the key. */
  roster?: Agent[];
  limit?: number;
}

/** A deterministic RoutingContext for strategy tests. */
export function fakeRoutingContext(opts: FakeRoutingOptions = {}): RoutingContext {
  const clock = opts.clock ?? new FakeClock();
  const random = seededRandom(opts.seed ?? 1);
  const signals = (id: string): AgentSignals => ({ ...NEUTRAL_SIGNALS, ...opts.signals?.[id] });
  return {
    now: () => clock.now(),
    random,
    signals,
    holders: (key) => (opts.roster ?? []).filter((a) => signals(a.id).contextKeys.includes(key)),
    limit: opts.limit ?? 10,
  };
}
