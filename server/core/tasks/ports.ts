import type { ActorRef } from '../access/actor';
import type {
  Assignment,
  AssignmentDecision,
  Priority,
  ProgressEvent,
  Task,
  TaskAttempt,
  TaskState,
  TaskSummary,
} from '../model';

/** What the task queue, dispatch and leases need of storage. The adapters implement these; the core depends on nothing else. */

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
  assign(
    plans: PlannedAssignment[],
  ): Promise<{ taskId: string; agentId: string; attempt: number; waitedMs: number; priority: Priority }[]>;
  /** Hands the agent up to `limit` assignments not yet delivered. (An answer lost on the way is caught by the accept deadline.) */
  deliver(agentId: string, limit: number): Promise<Assignment[]>;
  /** Agents holding an assignment not yet delivered (written while no poll of theirs was open on the assigning replica). */
  agentsAwaitingDelivery(): Promise<string[]>;
  start(taskId: string, agentId: string, leaseToken: string): Promise<Task | null>;
  progress(
    taskId: string,
    agentId: string,
    leaseToken: string,
    message: string,
    percent: number | null,
  ): Promise<{ attempt: number } | null>;
  /** A final outcome also settles the task's blocked dependents: queued once all their dependencies succeeded, cancelled (transitively) when one failed. */
  finish(
    taskId: string,
    agentId: string,
    leaseToken: string,
    outcome: { status: 'succeeded'; result: unknown } | { status: 'failed'; error: string; retry: boolean },
  ): Promise<Task | null>;
  /** Cancels a task not yet finished, and (transitively) its blocked dependents. */
  cancel(id: string): Promise<Task | null>;
  /**
   * Cancels those of these tasks not yet finished, in one statement, then (transitively) their
   * blocked dependents; the rest are left as they are.
   */
  cancelMany(
    ids: string[],
  ): Promise<{ cancelled: { id: string; agentId: string | null }[]; dependentsCancelled: string[] }>;
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
