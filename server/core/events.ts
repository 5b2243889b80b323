import type { AgentState, Priority, TaskState } from './model';
import type { ActorRef } from './access/actor';

/** Every event the core emits, by name. Payloads are small objects; readers fetch details by id. */
export interface EventMap {
  'agent:registered': { agentId: string; name: string; reregistered: boolean };
  'agent:changed': { agentId: string; status: AgentState; previous: AgentState | null; reason: string };
  'agent:deregistered': { agentId: string };
  /** The agent's CLI changed what it is doing (working, waiting-for-input, rate-limited until `parkedUntil`…). */
  'agent:activity': { agentId: string; state: string | null; detail: string | null; parkedUntil: number | null };
  /** Agents heard from since the last such event (at most one per sweep), so views can show fresh "last seen" times. */
  'agent:heartbeats': { agentIds: string[] };
  'task:submitted': { taskIds: string[] };
  /** `delivered`: already handed to a waiting poll; otherwise the agent's polls should look for it. */
  'task:assigned': { taskId: string; agentId: string; attempt: number; decisionId: string; delivered: boolean };
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
  'task:requeued': { taskId: string; attempt: number; reason: string; agentId?: string };
  'task:cancelled': { taskId: string };
  /** An attempt failed (or ran out of time) and the task waits out its backoff until `retryAt`. */
  'task:retrying': { taskId: string; attempt: number; retryAt: number | null; reason: string; agentId?: string };
  /** Every attempt was used up: the task is in the dead-letter queue. */
  'task:dead-lettered': { taskId: string; attempt: number; reason: string };
  /** Tasks went back to the queue by an operator's hand (dead-letter retry) or when their backoff ended. */
  'task:released': { taskIds: string[]; reason: string };
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
  'pool:scaled': { poolId: string; pool: string; action: string; delta: number; reason: string };
  'pool:changed': { poolId: string; change: 'created' | 'updated' | 'deleted'; by: ActorRef };
  /** An operator changed the routing policy of a scope; every replica applies it. */
  'routing:changed': { scope: string; strategy: string; changedBy: ActorRef };
}

export type EventName = keyof EventMap;

export interface BusEvent<N extends EventName = EventName> {
  /** Monotonic per bus; subscriptions resume after it (`tracked(id, …)`). */
  id: string;
  name: N;
  payload: EventMap[N];
  at: number;
}

export type AnyBusEvent = { [N in EventName]: BusEvent<N> }[EventName];
