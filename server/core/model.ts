import type { ActorRef } from './access/actor';
/** The shapes the core works with. Dates are epoch milliseconds so the API stays plain JSON. */

/**
 * `busy` is never stored: it is an idle agent holding work (see registry/agent-status.ts).
 * `stopped`: its worker stopped cleanly and said so (`agents.signOff`); registering or
 * heartbeating again brings it back. `offline` is the unclean kind: it went silent.
 */
export const AGENT_STATES = [
  'starting',
  'idle',
  'busy',
  'draining',
  'sleeping',
  'stopped',
  'unhealthy',
  'offline',
  'terminated',
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/**
 * `blocked`: waiting for its dependencies to succeed; it is queued once they all have.
 * `retry-wait`: an attempt failed and the next waits out its backoff (`retryAt`).
 * `failed`: the agent reported a failure it called not retryable.
 * `dead-lettered`: every attempt was used up; an operator may retry or discard it.
 */
/**
 * What an agent's CLI reports it is doing, parsed by its adapter from the CLI's event stream.
 * `stopping`: the worker is shutting down; it finishes or hands back what it runs and takes nothing new.
 */
export const AGENT_ACTIVITIES = [
  'idle',
  'working',
  'waiting-for-input',
  'rate-limited',
  'stalled',
  'done',
  'failed',
  'stopping',
] as const;
export type AgentActivityState = (typeof AGENT_ACTIVITIES)[number];

export interface AgentActivity {
  state: AgentActivityState;
  detail: string | null;
  /** Since when; null when the control plane inferred the state and cannot tell (see agent-status.ts). */
  at: number | null;
}

export const TASK_STATES = [
  'blocked',
  'queued',
  'retry-wait',
  'assigned',
  'running',
  'succeeded',
  'failed',
  'dead-lettered',
  'cancelled',
] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TERMINAL_TASK_STATES: readonly TaskState[] = ['succeeded', 'failed', 'dead-lettered', 'cancelled'];
export const ACTIVE_TASK_STATES: readonly TaskState[] = ['assigned', 'running'];

export const PRIORITIES = ['critical', 'high', 'normal', 'low', 'background'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const priorityRank = (p: Priority): number => PRIORITIES.indexOf(p);
export const priorityName = (rank: number): Priority => PRIORITIES[rank] ?? 'normal';

export interface Capability {
  name: string;
  /** Proficiency 0..1; routing strategies weigh it. */
  level: number;
}

export interface Agent {
  id: string;
  name: string;
  runtime: string;
  capabilities: Capability[];
  maxConcurrency: number;
  labels: Record<string, string>;
  /** The one status (registry/agent-status.ts): the stored lifecycle state, `busy` while an idle agent holds work. */
  status: AgentState;
  activeTasks: number;
  contextWindow: number | null;
  contextUsed: number | null;
  load: number | null;
  registeredAt: number;
  lastHeartbeatAt: number | null;
  statusChangedAt: number;
  /** What its CLI reports, made to agree with `status` and the tasks it holds (registry/agent-status.ts). */
  activity: AgentActivity | null;
  /** A rate-limited agent takes no new work until then. */
  parkedUntil: number | null;
  /** The CLI conversation it resumes after a restart or wake. */
  sessionId: string | null;
  /** The pool that manages it, if any. */
  poolId: string | null;
  /** Last time it was handed work or finished some. */
  lastWorkAt: number | null;
  /** Why this routable agent takes nothing new right now (rate-limited, context full); set per dispatch pass. */
  hold?: string | null;
}

export interface Task {
  id: string;
  title: string;
  payload: unknown;
  capabilities: string[];
  priority: Priority;
  status: TaskState;
  attempt: number;
  maxAttempts: number;
  agentId: string | null;
  contextKey: string | null;
  /** Fair-share group (`default` unless given). */
  project: string;
  /** Tasks sharing a key run at most `concurrencyLimit` at a time. */
  concurrencyKey: string | null;
  concurrencyLimit: number | null;
  /** Tasks that must succeed before this one is queued. */
  dependsOn: string[];
  idempotencyKey: string | null;
  timeoutMs: number | null;
  submittedBy: ActorRef | null;
  result: unknown;
  error: string | null;
  progressPercent: number | null;
  progressMessage: string | null;
  createdAt: number;
  queuedAt: number;
  assignedAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  /** When a `retry-wait` task goes back to the queue. */
  retryAt: number | null;
  /** Database time by which an assigned task must be accepted, or a running one show a sign of life. */
  leaseExpiresAt: number | null;
  /** Free-form labels (a pre-assignment hook may amend them). */
  labels?: Record<string, string>;
  /** A pre-assignment hook held it back: not offered again before `until`; the reason stays until it is assigned. */
  hookHold?: { until: number; reason: string } | null;
}

/** A task as lists show it: its payload and result stay out (`tasks.get` has them), their sizes in. */
export type TaskSummary = Omit<Task, 'payload' | 'result'> & {
  /** JSON bytes of the payload and of the result (null: no result yet). */
  payloadBytes: number;
  resultBytes: number | null;
};

/** `released`: handed back by its agent (draining, rate-limited); not counted as a failure. */
export type AttemptState =
  'assigned' | 'running' | 'succeeded' | 'failed' | 'lost' | 'released' | 'timed-out' | 'cancelled';

export interface TaskAttempt {
  taskId: string;
  attempt: number;
  agentId: string;
  agentName: string | null;
  status: AttemptState;
  queuedAt: number;
  assignedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  error: string | null;
}

export interface ProgressEvent {
  id: number;
  taskId: string;
  attempt: number;
  message: string;
  percent: number | null;
  at: number;
}

export interface CandidateScore {
  agentId: string;
  agentName: string;
  score: number;
  activeTasks: number;
  maxConcurrency: number;
  /** Score terms, so the UI can show why one candidate beat another. */
  terms: Record<string, number>;
}

export interface ExcludedAgent {
  agentId: string;
  agentName: string;
  reason: string;
}

export interface AssignmentDecision {
  id: string;
  taskId: string;
  attempt: number;
  strategy: string;
  winnerAgentId: string;
  winnerAgentName: string;
  /** The best-scored candidates (bounded, see the dispatcher); `candidateCount` counts them all. */
  candidates: CandidateScore[];
  candidateCount: number;
  /** Excluded agents with reasons (bounded; the rest summarised per reason); `excludedCount` counts them all. */
  excluded: ExcludedAgent[];
  excludedCount: number;
  decidedAt: number;
  durationUs: number;
  /** What pre-assignment hooks said (amended, failed open, an earlier veto); null when none spoke. */
  hookNote?: string | null;
}

export interface Assignment {
  taskId: string;
  attempt: number;
  leaseToken: string;
  title: string;
  payload: unknown;
  capabilities: string[];
  priority: Priority;
  contextKey: string | null;
  timeoutMs: number | null;
}

export type { Actor, ActorRef, Role } from './access/actor';
