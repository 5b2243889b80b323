import type { AlertStore } from './alerts/ports';
import type { BreakerStore } from './breakers/ports';
import type { LeaderLeaseStore, ReplicaStore } from './cluster/ports';
import type { HookStore } from './hooks/ports';
import type { DeliveryStore } from './deliveries/ports';
import type { EventLogStore } from './log/ports';
import type { AnyBusEvent, EventMap, SignalName } from './events';
import type { StatsStore } from './metrics/ports';
import type { Priority, TaskState } from './model';
import type { PoolStore } from './pools/ports';
import type { ChannelStore, NotificationStore } from './notify/ports';
import type { AgentStore } from './registry/ports';
import type { RoutingStore } from './routing/ports';
import type { AuthStore } from './security/ports';
import type { TaskStore } from './tasks/ports';
import type { TaskActionStore } from './tasks/task-actions';

/** Wall time for display and metrics; lease arithmetic uses the database clock instead. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/**
 * Signals that stay outside the event log (heartbeats, progress lines, CLI activity): best
 * effort, to this replica and, with Redis, every other one. State changes never go this way;
 * they are in the log (`store.events`).
 */
export interface EventBus {
  publish<N extends SignalName>(name: N, payload: EventMap[N]): Promise<void>;
  /** Local delivery of every signal (from this and, with Redis, every other replica). Returns unsubscribe. */
  subscribe(handler: (event: AnyBusEvent) => void): () => void;
  /** Throws when the bus cannot carry signals to other replicas now (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Counters and histograms the core reports; the adapter exposes them to Prometheus. */
export interface Metrics {
  registration(ms: number): void;
  dispatch(ms: number, priority: Priority): void;
  decision(us: number): void;
  submitted(count: number): void;
  finished(status: TaskState): void;
  requeued(reason: string): void;
}

export interface Store {
  agents: AgentStore;
  pools: PoolStore;
  tasks: TaskStore;
  stats: StatsStore;
  auth: AuthStore;
  routing: RoutingStore;
  breakers: BreakerStore;
  taskActions: TaskActionStore;
  events: EventLogStore;
  /** Alert rules, alerts and their timelines, silences. */
  alerts: AlertStore;
  /** Webhook subscriptions, pre-assignment hooks, and the holds and amends of their answers. */
  hooks: HookStore;
  /** The cluster's leader lease (database clock). */
  lease: LeaderLeaseStore;
  replicas: ReplicaStore;
  /** Outgoing webhook requests of channels and hooks, sent by the leader. */
  deliveries: DeliveryStore;
  channels: ChannelStore;
  /** What each channel was last told about each alert group. */
  notifications: NotificationStore;
  ping(): Promise<void>;
  close(): Promise<void>;
}
