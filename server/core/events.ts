import type { AgentState, Priority, TaskState } from './model';
import type { ActorRef } from './access/actor';

/**
 * Every event the core emits, by name. Payloads are small objects; readers fetch details by id.
 * All but the `SIGNALS` are state changes: the database writes them to the event log in the
 * transaction that made the change (migration 0011), and every replica reads them from there.
 */
export interface EventMap {
  'agent:registered': {
    agentId: string;
    name: string;
    reregistered: boolean;
    status?: AgentState;
    previous?: AgentState | null;
  };
  'agent:changed': { agentId: string; status: AgentState; previous: AgentState | null; reason: string };
  'agent:deregistered': { agentId: string; previous?: AgentState; reason?: string };
  /** The agent's CLI changed what it is doing (working, waiting-for-input, rate-limited until `parkedUntil`…). */
  'agent:activity': { agentId: string; state: string | null; detail: string | null; parkedUntil: number | null };
  /** Agents heard from since the last such event (at most one per sweep), so views can show fresh "last seen" times. */
  'agent:heartbeats': { agentIds: string[] };
  /** `status`: queued, or blocked on dependencies. */
  'task:submitted': { taskIds: string[]; status?: TaskState };
  /** `delivered`: already handed to a waiting poll; otherwise the agent's polls should look for it. */
  'task:assigned': { taskId: string; agentId: string; attempt: number; delivered: boolean };
  'task:started': { taskId: string; agentId: string; attempt: number };
  'task:progress': { taskId: string; attempt: number; message: string; percent: number | null };
  /** `durationMs` (start to finish) and `contextKey` feed routing signals on every replica. */
  'task:completed': {
    taskId: string;
    agentId: string;
    attempt: number;
    status: TaskState;
    durationMs?: number | null;
    contextKey?: string | null;
  };
  /** `agentId`: the agent the attempt failed on, when it failed there (absent for cancels and resets). */
  'task:requeued': { taskId: string; attempt: number; reason: string; agentId?: string | null };
  'task:cancelled': { taskId: string; previous?: TaskState; agentId?: string | null; reason?: string | null };
  /** An attempt failed (or ran out of time) and the task waits out its backoff until `retryAt`. */
  'task:retrying': {
    taskId: string;
    attempt: number;
    retryAt: number | null;
    reason: string;
    agentId?: string | null;
  };
  /** Every attempt was used up: the task is in the dead-letter queue. `agentId`: the agent its last attempt failed on. */
  'task:dead-lettered': { taskId: string; attempt: number; reason: string; agentId?: string | null };
  /** Tasks went back to the queue by an operator's hand (retry), when their backoff ended or their dependencies succeeded. */
  'task:released': { taskIds: string[]; reason: string; previous?: TaskState };
  /** Any other change of a task's state (the log's safety net: no state change goes unrecorded). */
  'task:changed': { taskId: string; status: TaskState; previous: TaskState };
  /** An operator changed these tasks' priority (the queue order changes with it). */
  'task:reprioritised': { taskIds: string[]; priority: Priority };
  /** A circuit breaker changed state (or an operator acted on it); replicas apply operator actions. */
  'breaker:changed': {
    key: string;
    agentId: string | null;
    runtime: string | null;
    from: string;
    to: string;
    reason: string;
    by: ActorRef | null;
  };
  /** The autoscaler changed a pool (scale-up, scale-down, sleep) with the recorded reason. */
  'pool:scaled': { poolId: string; pool: string; action: string; delta: number; reason: string; by?: ActorRef | null };
  'pool:changed': { poolId: string; change: 'created' | 'updated' | 'deleted'; by: ActorRef | null };
  /** An operator changed the routing policy of a scope; every replica applies it. */
  'routing:changed': { scope: string; strategy: string; changedBy: ActorRef };
  /** A new term of the leader lease: `holder` runs the cluster loops under `epoch` (`previous`: the last holder). */
  'cluster:leader-changed': { holder: string; epoch: number; previous: string | null };
  /** A step of an alert's timeline (written with it, migration 0015): it fired, was acknowledged, resolved… */
  'alert:firing': AlertEventPayload;
  'alert:acknowledged': AlertEventPayload;
  'alert:resolved': AlertEventPayload;
  /** Any other step: pending, assigned, silenced, unsilenced, inhibited, a remedy run. */
  'alert:changed': AlertEventPayload;
}

/** An alert as its timeline step left it; `kind` names the step, `state` the alert's state after it. */
export interface AlertEventPayload {
  alertId: string;
  kind: string;
  state: string;
  previous: string | null;
  rule: string;
  ruleId: string;
  severity: string;
  labels: Record<string, string>;
  summary: string;
  groupKey: string;
  fingerprint: string;
  by: ActorRef;
  reason: string;
  note: string | null;
  /** The silence muting it, or the alert inhibiting it, when the step was written. */
  silencedBy: string | null;
  inhibitedBy: string | null;
}

export type EventName = keyof EventMap;

/**
 * High-rate, low-value signals that stay outside the log: heartbeats (every agent, every few
 * seconds), progress lines and CLI activity. They are best-effort (the bus), superseded by the
 * next one, and the views they refresh read the current state from the tables anyway.
 */
export const SIGNALS = ['agent:activity', 'agent:heartbeats', 'task:progress'] as const satisfies readonly EventName[];
export type SignalName = (typeof SIGNALS)[number];
export type LoggedEventName = Exclude<EventName, SignalName>;
export const isSignal = (name: EventName): name is SignalName => (SIGNALS as readonly string[]).includes(name);

export interface BusEvent<N extends EventName = EventName> {
  /** A logged event's log position (decimal); a signal's id starts with `~` and cannot be resumed from. */
  id: string;
  name: N;
  payload: EventMap[N];
  at: number;
}

export type AnyBusEvent = { [N in EventName]: BusEvent<N> }[EventName];
