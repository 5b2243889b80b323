import type { RecordedDecisionInput } from './balancing/what-if';
import type { BreakerTransition } from './breakers/circuit-breaker';
import type { AnyBusEvent, EventMap, EventName } from './events';
import type {
  Agent, AgentState, Assignment, AssignmentDecision, Capability, Priority, ProgressEvent, Role, Task,
  TaskAttempt, TaskState,
} from './model';

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

export interface EventBus {
  publish<N extends EventName>(name: N, payload: EventMap[N]): Promise<void>;
  /** Local delivery of every event (from this and, with Redis, every other replica). Returns unsubscribe. */
  subscribe(handler: (event: AnyBusEvent) => void): () => void;
  /** Events after `lastId` still retained, or null when `lastId` is too old to resume from. */
  since(lastId: string): Promise<AnyBusEvent[] | null>;
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

export interface NewAgent {
  name: string;
  runtime: string;
  capabilities: Capability[];
  maxConcurrency: number;
  labels: Record<string, string>;
  contextWindow: number | null;
  tokenHash: string;
}

export interface AgentStore {
  /** Insert, or update the existing agent of that name (re-registration); says which happened. */
  upsert(agent: NewAgent): Promise<{ agent: Agent; created: boolean; previous: AgentState | null }>;
  get(id: string): Promise<Agent | null>;
  byTokenHash(hash: string): Promise<{ id: string; name: string; status: AgentState } | null>;
  list(filter?: { status?: AgentState[] }): Promise<Agent[]>;
  /** Every agent not offline or terminated, with its active task count: the dispatcher's roster. */
  live(): Promise<Agent[]>;
  /** Records a sign of life (heartbeat or poll); a starting, unhealthy or offline agent becomes idle. */
  heartbeat(id: string, report: { load?: number; contextUsed?: number; contextWindow?: number }): Promise<{ previous: AgentState; status: AgentState } | null>;
  setStatus(id: string, status: AgentState, onlyFrom?: AgentState[]): Promise<{ previous: AgentState } | null>;
  /** Mark silent agents by database time; returns the agents that changed. */
  sweepSilent(unhealthyAfterMs: number, offlineAfterMs: number): Promise<{ id: string; previous: AgentState; status: AgentState }[]>;
}

export interface NewTask {
  id: string;
  title: string;
  payload: unknown;
  capabilities: string[];
  priority: Priority;
  maxAttempts: number;
  contextKey: string | null;
  idempotencyKey: string | null;
  timeoutMs: number | null;
  submittedBy: string | null;
  project: string;
  concurrencyKey: string | null;
  concurrencyLimit: number | null;
  /** Existing task ids; the task is `blocked` until they have all succeeded. */
  dependsOn: string[];
}

/** A dependency that has not succeeded yet. */
export interface Blocker {
  taskId: string;
  status: TaskState;
}

/** A task's concurrency key: its tasks assigned or running, and this task's limit for it. */
export interface ConcurrencyUsage {
  key: string;
  running: number;
  limit: number;
}

export interface TaskListFilter {
  status?: TaskState[];
  priority?: Priority[];
  agentId?: string;
  search?: string;
  cursor?: string;
  limit: number;
}

export interface PlannedAssignment {
  taskId: string;
  agentId: string;
  leaseToken: string;
  decision: AssignmentDecision;
  /** Handed straight to a waiting poll, so it is recorded as delivered. */
  delivered: boolean;
}

/** A task whose lease lapsed (or whose time ran out), and what became of it. */
export interface ExpiredLease {
  taskId: string;
  attempt: number;
  agentId: string;
  status: TaskState;
  kind: 'not-accepted' | 'stalled' | 'timed-out';
  reason: string;
  retryAt: number | null;
}

export interface DeadLetterFilter {
  capability?: string;
  errorContains?: string;
  project?: string;
}

export interface TaskStore {
  /** Applies lapsed leases and timeouts (database time), at most `limit` per call. */
  expireLeases(limit: number): Promise<ExpiredLease[]>;
  /** Moves `retry-wait` tasks whose backoff ended back to the queue; returns their ids. */
  releaseRetries(limit: number): Promise<string[]>;
  /** A dead-lettered, failed or cancelled task back to the queue with a fresh set of attempts; null if it is in none of those states. */
  retryTask(id: string): Promise<Task | null>;
  /** Every dead-lettered task matching all given filters back to the queue; returns their ids. */
  retryDeadLetters(filter: DeadLetterFilter): Promise<string[]>;
  /** Removes a dead-lettered task from the queue for good (cancelled, with the reason); null if it is not dead-lettered. */
  discardDeadLetter(id: string): Promise<Task | null>;
  /** Inserts all or nothing; tasks whose idempotency key exists come back as existing ids. */
  insert(tasks: NewTask[]): Promise<{ ids: string[]; created: string[] }>;
  get(id: string): Promise<Task | null>;
  list(filter: TaskListFilter): Promise<{ items: Task[]; nextCursor: string | null }>;
  /**
   * The queue head in queue-policy order (ageing, then fair share between projects, then age),
   * leaving out tasks whose concurrency key has no room; with `fits`, only tasks whose required
   * capabilities are all held by at least one of those capability sets (so tasks nobody free
   * can take do not block the rest).
   */
  queued(limit: number, fits?: string[][]): Promise<Task[]>;
  /** Status of each of these tasks that exists. */
  statuses(ids: string[]): Promise<Map<string, TaskState>>;
  /** Per task (of those given that have any), its dependencies that have not succeeded, in `dependsOn` order. */
  blockers(taskIds: string[]): Promise<Map<string, Blocker[]>>;
  /** Per task (of those given that have a concurrency key), the key's usage against the task's limit. */
  concurrencyUsage(taskIds: string[]): Promise<Map<string, ConcurrencyUsage>>;
  /**
   * Settles every blocked task whose dependencies have finished (queues or cancels it). Finishing
   * writes do this for their own dependents; this is the recovery sweep for a write cut short.
   */
  settleBlocked(): Promise<{ released: string[]; cancelled: string[] }>;
  /** Applies assignments whose task is still queued; returns those applied, with dispatch latency. */
  assign(plans: PlannedAssignment[]): Promise<{ taskId: string; agentId: string; attempt: number; waitedMs: number; priority: Priority }[]>;
  /** Hands the agent up to `limit` assignments not yet delivered. (An answer lost on the way is caught by the accept deadline.) */
  deliver(agentId: string, limit: number): Promise<Assignment[]>;
  /** Agents holding an assignment not yet delivered (written while no poll of theirs was open on the assigning replica). */
  agentsAwaitingDelivery(): Promise<string[]>;
  start(taskId: string, agentId: string, leaseToken: string): Promise<Task | null>;
  progress(taskId: string, agentId: string, leaseToken: string, message: string, percent: number | null): Promise<{ attempt: number } | null>;
  /** A final outcome also settles the task's blocked dependents: queued once all their dependencies succeeded, cancelled (transitively) when one failed. */
  finish(taskId: string, agentId: string, leaseToken: string, outcome: { status: 'succeeded'; result: unknown } | { status: 'failed'; error: string; retry: boolean }): Promise<Task | null>;
  /** Cancels a task not yet finished, and (transitively) its blocked dependents. */
  cancel(id: string): Promise<Task | null>;
  /** Puts an agent's active tasks back in the queue (or fails those on their last attempt, settling their dependents). */
  requeueAgentWork(agentId: string, reason: string): Promise<{ taskId: string; attempt: number; status: TaskState }[]>;
  attempts(taskId: string): Promise<TaskAttempt[]>;
  progressLog(taskId: string, limit: number): Promise<ProgressEvent[]>;
  decisions(taskId: string): Promise<AssignmentDecision[]>;
  recentDecisions(limit: number): Promise<AssignmentDecision[]>;
}

export interface StatsStore {
  queueDepth(): Promise<Record<Priority, number>>;
  /** Agents per shown state (`busy` is an idle agent holding work). */
  agentsByStatus(): Promise<Record<AgentState, number>>;
  activeCounts(): Promise<{ assigned: number; running: number }>;
  /** Finished tasks and dispatch latency over the last `windowMs`. */
  recent(windowMs: number): Promise<{ succeeded: number; failed: number; dispatchP95Ms: number | null; dispatchP50Ms: number | null }>;
  /** Finished tasks only, over the last `windowMs` (no latency sort: cheap over long windows). */
  finishedCounts(windowMs: number): Promise<{ succeeded: number; failed: number }>;
  recordSample(sample: MetricSample): Promise<void>;
  /** The newest `limit` decisions with their replay inputs, oldest first (what-if). */
  decisionInputs(limit: number): Promise<RecordedDecisionInput[]>;
  /** Deletes all but the newest `keep` decision records; returns how many went. */
  pruneDecisions(keep: number): Promise<number>;
  /** Assignments per winning agent over the last `windowMs`, most first. */
  assignmentsByAgent(windowMs: number): Promise<{ agentId: string; agentName: string; assignments: number }[]>;
  samples(sinceMs: number): Promise<MetricSample[]>;
  pruneSamples(olderThanMs: number): Promise<void>;
}

export interface MetricSample {
  at: number;
  /** Coefficient of variation of utilisation across routable agents (null in old samples). */
  imbalance: number | null;
  /** Utilisation (0..1) of the busiest agents by name, bounded so samples stay small. */
  utilisation: Record<string, number>;
  queued: Record<Priority, number>;
  agents: Record<AgentState, number>;
  succeeded: number;
  failed: number;
  dispatchP95Ms: number | null;
}

export interface AuthStore {
  tokenByHash(hash: string): Promise<{ id: string; name: string; role: Role } | null>;
  hasToken(name: string): Promise<boolean>;
  putToken(token: { name: string; hash: string; role: Role }): Promise<void>;
  userByName(name: string): Promise<{ id: string; name: string; role: Role; passwordHash: string } | null>;
  countUsers(): Promise<number>;
  /** Creates the user, or sets the password and role of the existing user of that name. */
  upsertUser(user: { name: string; passwordHash: string; role: Role }): Promise<void>;
  createSession(session: { hash: string; userId: string; expiresAt: number }): Promise<void>;
  sessionByHash(hash: string): Promise<{ id: string; name: string; role: Role } | null>;
  deleteSession(hash: string): Promise<void>;
}

/** A routing-policy change; the latest per scope is in force. */
export interface RoutingChange {
  id: number;
  scope: string;
  strategy: string;
  weights: Record<string, number>;
  changedBy: string;
  changedAt: number;
}

export interface RoutingStore {
  current(scope: string): Promise<RoutingChange | null>;
  record(change: Omit<RoutingChange, 'id' | 'changedAt'>): Promise<RoutingChange>;
  history(limit: number): Promise<RoutingChange[]>;
}

export interface BreakerStore {
  record(transition: BreakerTransition): Promise<void>;
  /** Transitions of these breakers, newest first. */
  history(keys: string[], limit: number): Promise<BreakerTransition[]>;
}

export interface Store {
  agents: AgentStore;
  tasks: TaskStore;
  stats: StatsStore;
  auth: AuthStore;
  routing: RoutingStore;
  breakers: BreakerStore;
  ping(): Promise<void>;
  close(): Promise<void>;
}
