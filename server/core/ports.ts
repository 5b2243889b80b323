import type { ActorRef } from './access/actor';
import type { TaskActionStore } from './tasks/task-actions';
import type { RecordedDecisionInput } from './balancing/what-if';
import type { AgentPageQuery } from './registry/agent-query';
import type { BreakerTransition } from './breakers/circuit-breaker';
import type { AnyBusEvent, EventMap, EventName } from './events';
import type { PoolSettings } from './pools/pool-input';
import type { Pool, PoolHold, PoolMember, PoolSample, ScaleRecord } from './pools/pool-model';
import type {
  Agent, AgentActivityState, AgentState, Assignment, AssignmentDecision, Capability, Priority, ProgressEvent, Role, Task,
  TaskAttempt, TaskState, TaskSummary,
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
  /** The pool that manages the agent (kept on re-registration when omitted). */
  poolId?: string | null;
}

export interface HeartbeatReport {
  load?: number;
  contextUsed?: number;
  contextWindow?: number;
  activity?: { state: AgentActivityState; detail?: string; resetAt?: number };
  /** undefined: unchanged; null: forget the session. */
  sessionId?: string | null;
}

export interface HeartbeatOutcome {
  previous: AgentState;
  status: AgentState;
  contextUsed: number | null;
  contextWindow: number | null;
  parkedUntil: number | null;
  activity: AgentActivityState | null;
  activityDetail: string | null;
  activityChanged: boolean;
}

export interface AgentStore {
  /** Insert, or update the existing agent of that name (re-registration); says which happened. */
  upsert(agent: NewAgent): Promise<{ agent: Agent; created: boolean; previous: AgentState | null }>;
  get(id: string): Promise<Agent | null>;
  byTokenHash(hash: string): Promise<{ id: string; name: string; status: AgentState } | null>;
  /** One page in the asked order; `last` is where it ended (null on the last page); `total` only when asked for. */
  page(query: AgentPageQuery, countTotal: boolean): Promise<{ items: Agent[]; total: number | null; last: { key: string; id: string } | null }>;
  /** Agents by the status an operator reads, the whole fleet. */
  counts(): Promise<Partial<Record<AgentState, number>>>;
  /** Deletes agents terminated longer ago than `retentionMs` (database time); returns how many. */
  pruneTerminated(retentionMs: number): Promise<number>;
  /** Every agent not offline or terminated, with its active task count: the dispatcher's roster. */
  live(): Promise<Agent[]>;
  /** Records a sign of life (heartbeat or poll); a starting, stopped, unhealthy or offline agent becomes idle. */
  heartbeat(id: string, report: HeartbeatReport): Promise<HeartbeatOutcome | null>;
  /** Puts an idle agent holding no work to sleep, atomically against assignments in flight. */
  sleep(id: string): Promise<{ slept: boolean; previous: AgentState; active: number } | null>;
  setStatus(id: string, status: AgentState, onlyFrom?: AgentState[]): Promise<{ previous: AgentState } | null>;
  /** `stopped` (from one of `onlyFrom`), forgetting the activity of the worker that stopped. */
  markStopped(id: string, onlyFrom: AgentState[]): Promise<{ previous: AgentState } | null>;
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
  submittedBy: ActorRef | null;
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
  /** Epoch ms window [since, until) on `timeField`. */
  since?: number;
  until?: number;
  timeField?: 'finished' | 'created';
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
  list(filter: TaskListFilter): Promise<{ items: TaskSummary[]; nextCursor: string | null }>;
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
  /**
   * Cancels those of these tasks not yet finished, in one statement, then (transitively) their
   * blocked dependents; the rest are left as they are.
   */
  cancelMany(ids: string[]): Promise<{ cancelled: { id: string; agentId: string | null }[]; dependentsCancelled: string[] }>;
  /** Those of these tasks that are dead-lettered, failed or cancelled back to the queue with a fresh set of attempts, in one statement; returns their ids. */
  retryMany(ids: string[]): Promise<string[]>;
  /** Sets the priority of those of these tasks not yet finished that have another one, in one statement; returns them with the priority they had. */
  setPriority(ids: string[], priority: Priority): Promise<{ id: string; previous: Priority }[]>;
  /** How many dead letters match the filter: what `retryDeadLetters` would retry now. */
  countDeadLetters(filter: DeadLetterFilter): Promise<number>;
  /** Puts an agent's active tasks back in the queue (or fails those on their last attempt, settling their dependents). */
  /** Back to the queue at its old place, the attempt marked released and not counted against `maxAttempts`. */
  release(taskId: string, agentId: string, leaseToken: string, reason: string): Promise<{ attempt: number } | null>;
  requeueAgentWork(agentId: string, reason: string): Promise<{ taskId: string; attempt: number; status: TaskState }[]>;
  attempts(taskId: string): Promise<TaskAttempt[]>;
  progressLog(taskId: string, limit: number): Promise<ProgressEvent[]>;
  decisions(taskId: string): Promise<AssignmentDecision[]>;
  /** The newest decisions, with the title of the task each one routed. */
  recentDecisions(limit: number): Promise<(AssignmentDecision & { taskTitle: string | null })[]>;
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
  /** Routing decision time (the decision records' `durationUs`) over the last `windowMs`. */
  decisionTimes(windowMs: number): Promise<{ p50Us: number | null; p95Us: number | null }>;
  recordSample(sample: MetricSample): Promise<void>;
  /** The newest `limit` decisions with their replay inputs, oldest first (what-if). */
  decisionInputs(limit: number): Promise<RecordedDecisionInput[]>;
  /** Deletes all but the newest `keep` decision records; returns how many went. */
  pruneDecisions(keep: number): Promise<number>;
  /** Assignments per winning agent over the last `windowMs`, most first. */
  assignmentsByAgent(windowMs: number): Promise<{ agentId: string; agentName: string; assignments: number }[]>;
  /** Samples in [from, to) aggregated per `bucketMs` (epoch-aligned): sums for counts, means for levels, max for p95. */
  series(window: { from: number; to: number; bucketMs: number }): Promise<SeriesPoint[]>;
  /** Per-agent utilisation of about one sample per `strideMs` in [from, to) (a heatmap needs levels, not every row). */
  utilisationSamples(window: { from: number; to: number; strideMs: number }): Promise<UtilisationSample[]>;
  /** Deletes samples and rolled-up rows older than the instant; returns how many went. */
  pruneSamples(olderThanMs: number): Promise<number>;
  /** Rolls rows older than `step.before` into coarser ones (see RollUpStep); `more` when `spanMs` stopped it early. */
  rollUpSamples(step: RollUpStep): Promise<{ rolled: number; more: boolean }>;
}

/** One roll-up pass: source rows (raw samples when `sourceBucketMs` is null) before `before` into `bucketMs` rows. */
export interface RollUpStep {
  sourceBucketMs: number | null;
  bucketMs: number;
  /** A multiple of `bucketMs`, so every bucket rolled is complete. */
  before: number;
  /** At most this much time per call (bounds the statement when catching up). */
  spanMs: number;
}

/** One bucket of the time series: `at` is the bucket start; counts are summed, levels averaged. */
export interface SeriesPoint {
  at: number;
  queued: Record<Priority, number>;
  agents: Record<AgentState, number>;
  succeeded: number;
  failed: number;
  dispatchP95Ms: number | null;
  imbalance: number | null;
}

export interface UtilisationSample {
  at: number;
  /** Utilisation (0..1) of the busiest agents, keyed by agent id (older samples: by name). */
  utilisation: Record<string, number>;
  /** Mean utilisation across all routable agents, and how many there were. */
  mean: number | null;
  agents: number;
}

export interface MetricSample {
  at: number;
  /** Coefficient of variation of utilisation across routable agents (null in old samples). */
  imbalance: number | null;
  /** Utilisation (0..1) of the busiest agents by id, bounded so samples stay small. */
  utilisation: Record<string, number>;
  /** Mean utilisation across all routable agents (the heatmap's "others" row comes from it), and their count. */
  utilisationMean: number | null;
  routableAgents: number;
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
  changedBy: ActorRef;
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

export interface PoolStore {
  /** Null when the name is taken. */
  create(pool: PoolSettings & { createdBy: ActorRef | null }): Promise<Pool | null>;
  update(id: string, patch: Partial<PoolSettings>): Promise<Pool | null>;
  remove(id: string): Promise<boolean>;
  get(id: string): Promise<Pool | null>;
  list(): Promise<Pool[]>;
  /** Queued tasks whose required capabilities the pool's agents all have. */
  backlog(capabilities: string[]): Promise<number>;
  /** The pool's agents that are not terminated, with their active task counts. */
  agentsOf(poolId: string): Promise<Agent[]>;
  members(poolId: string): Promise<PoolMember[]>;
  member(agentId: string): Promise<PoolMember | null>;
  saveMember(member: Omit<PoolMember, 'startedAt' | 'restarts' | 'lastExit'> & { restarts?: number }): Promise<void>;
  /** Keeps how the member last crashed (shown with the pool's members). */
  recordExit(agentId: string, exit: ManagedExit): Promise<void>;
  /**
   * Sets the pool's hold (null: none); false when it already had one with the same key, so each
   * hold is recorded once across ticks, restarts and replicas.
   */
  setHold(poolId: string, hold: PoolHold | null): Promise<boolean>;
  deleteMember(agentId: string): Promise<void>;
  markScaled(poolId: string, direction: 'up' | 'down'): Promise<void>;
  recordDecision(record: Omit<ScaleRecord, 'id' | 'at'>): Promise<ScaleRecord>;
  decisions(poolId: string, limit: number): Promise<ScaleRecord[]>;
  recordSample(poolId: string, sample: Omit<PoolSample, 'at'>): Promise<void>;
  samples(poolId: string, sinceMs: number): Promise<PoolSample[]>;
  /** Drops samples older than `keepMs` and all but the newest `keepDecisions` decisions per pool. */
  prune(keepMs: number, keepDecisions: number): Promise<void>;
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
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** How a managed agent's process or container ended: what an operator needs to see why it crashed. */
export interface ManagedExit {
  /** Exit code, or null when a signal ended it (or it is unknown). */
  code: number | null;
  signal: string | null;
  /** Its last lines of standard error (bounded), oldest first. */
  stderr: string[];
}

/** What a provider needs to run one managed agent: its identity on the server and how it works. */
export interface ManagedAgentSpec {
  poolName: string;
  agentId: string;
  agentName: string;
  /** The agent's own credential (acts only on its own work), never an admin token. */
  agentToken: string;
  /** Base URL of the control plane as the agent reaches it (`http://127.0.0.1:3000`). */
  serverUrl: string;
  /** Worker adapter: claude, gemini, codex, aider or shell (the simulated provider ignores it). */
  adapter: string;
  capabilities: string[];
  concurrency: number;
  /** The pool's provider settings, validated by the provider's own schema. */
  settings: Record<string, unknown>;
}

/**
 * Starts and stops managed agents (simulated in-process, local processes, Docker containers).
 * A started agent registers nothing itself: it heartbeats and polls as the agent `spec.agentId`.
 */
export interface AgentProvider {
  readonly kind: string;
  /** Checks the settings (a clear message naming the field) before a pool is saved. */
  validateSettings(settings: Record<string, unknown>): string | null;
  /** Launches the agent; resolves with a reference once launched (not once it has heartbeated). */
  start(spec: ManagedAgentSpec): Promise<{ ref: string }>;
  /** Asks the agent to stop, letting it hand back its work, and forces it after `graceMs`. */
  stop(ref: string, graceMs: number): Promise<void>;
  /** Stops it if needed and removes what is left of it (a stopped container). */
  remove(ref: string): Promise<void>;
  isRunning(ref: string): Promise<boolean>;
  /** How a stopped agent ended, when the provider knows (null while it runs or once forgotten). */
  exitOf(ref: string): Promise<ManagedExit | null>;
  /** Its most recent output, newest last. */
  logs(ref: string, tailLines: number): Promise<string>;
  /** Whether the provider can work at all (the Docker daemon answers, the worker command exists). */
  check(): Promise<{ ok: boolean; detail: string }>;
}
