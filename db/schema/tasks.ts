import type { ActorRef } from '@/server/core/access/actor';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const tasks = pgTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    /** Submission order, so tasks of one batch and one priority run in the order given. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    payload: jsonb('payload'),
    capabilities: jsonb('capabilities').$type<string[]>().notNull(),
    /** 0 critical … 4 background, so the queue orders by it directly. */
    priority: smallint('priority').notNull(),
    status: text('status').notNull(),
    attempt: integer('attempt').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    agentId: text('agent_id'),
    leaseToken: text('lease_token'),
    contextKey: text('context_key'),
    /** Fair-share group: the queue interleaves projects by weight within a priority. */
    project: text('project').notNull().default('default'),
    concurrencyKey: text('concurrency_key'),
    concurrencyLimit: integer('concurrency_limit'),
    /** Ids of tasks that must succeed first; null when none. */
    dependsOn: text('depends_on').array(),
    idempotencyKey: text('idempotency_key'),
    timeoutMs: integer('timeout_ms'),
    /** Who submitted it (`{kind, id, name}`). */
    submittedBy: jsonb('submitted_by').$type<ActorRef>(),
    result: jsonb('result'),
    error: text('error'),
    progressPercent: smallint('progress_percent'),
    progressMessage: text('progress_message'),
    createdAt: ts('created_at').notNull().defaultNow(),
    queuedAt: ts('queued_at').notNull().defaultNow(),
    assignedAt: ts('assigned_at'),
    deliveredAt: ts('delivered_at'),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    lastProgressAt: ts('last_progress_at'),
    /** Database time by which the agent must accept (assigned) or show a sign of life (running). */
    leaseExpiresAt: ts('lease_expires_at'),
    /** When a task in retry-wait goes back to the queue. */
    retryAt: ts('retry_at'),
    /** Free-form labels; a pre-assignment hook may amend them. */
    labels: jsonb('labels').$type<Record<string, string>>().notNull().default({}),
    /** A pre-assignment hook held it back (veto, or failed closed): dispatch skips it until then. */
    hookHoldUntil: ts('hook_hold_until'),
    /** Holds in a row (the backoff doubles with each); back to 0 once a hook lets it through. */
    hookHolds: integer('hook_holds').notNull().default(0),
    hookHoldReason: text('hook_hold_reason'),
  },
  (t) => [
    index('tasks_lease_idx')
      .on(t.leaseExpiresAt)
      .where(sql`status in ('assigned', 'running')`),
    index('tasks_retry_idx')
      .on(t.retryAt)
      .where(sql`status = 'retry-wait'`),
    // The queue head is read per (project, priority) band, oldest first: see queue-reads.ts.
    index('tasks_queue_idx')
      .on(t.project, t.priority, t.queuedAt, t.seq)
      .where(sql`status = 'queued'`),
    index('tasks_agent_active_idx')
      .on(t.agentId)
      .where(sql`status in ('assigned', 'running')`),
    index('tasks_concurrency_active_idx')
      .on(t.concurrencyKey)
      .where(sql`status in ('assigned', 'running') and concurrency_key is not null`),
    // Finishing a task finds its blocked dependents here.
    index('tasks_blocked_deps_idx')
      .using('gin', t.dependsOn)
      .where(sql`status = 'blocked'`),
    index('tasks_status_idx').on(t.status),
    index('tasks_created_idx').on(t.createdAt, t.id),
    index('tasks_finished_idx')
      .on(t.finishedAt)
      .where(sql`finished_at is not null`),
    uniqueIndex('tasks_idempotency_key_uq').on(t.idempotencyKey),
  ],
);

/**
 * Fair share between projects: a virtual clock per project, advanced by 1/weight per task
 * started. It breaks ties between projects running equally many tasks per weight.
 */
export const projectShares = pgTable('project_shares', {
  project: text('project').primaryKey(),
  /** Virtual start of the project's last started task; the largest is the queue's virtual time. */
  lastStart: doublePrecision('last_start').notNull(),
  /** Where the project's next task starts, unless the virtual time has passed it (an idle spell banks nothing). */
  finish: doublePrecision('finish').notNull(),
});

export const taskAttempts = pgTable(
  'task_attempts',
  {
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    agentId: text('agent_id').notNull(),
    leaseToken: text('lease_token').notNull(),
    status: text('status').notNull(),
    decisionId: text('decision_id'),
    queuedAt: ts('queued_at').notNull(),
    assignedAt: ts('assigned_at').notNull(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('task_attempts_task_attempt_uq').on(t.taskId, t.attempt),
    // A completion is recorded exactly once: a second succeeded attempt of one task cannot exist.
    uniqueIndex('task_attempts_one_success_uq')
      .on(t.taskId)
      .where(sql`status = 'succeeded'`),
    index('task_attempts_assigned_idx').on(t.assignedAt),
  ],
);

export const taskEvents = pgTable(
  'task_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    message: text('message').notNull(),
    percent: smallint('percent'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('task_events_task_idx').on(t.taskId, t.id)],
);

export const assignmentDecisions = pgTable(
  'assignment_decisions',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    strategy: text('strategy').notNull(),
    winnerAgentId: text('winner_agent_id').notNull(),
    winnerAgentName: text('winner_agent_name').notNull(),
    // json, not jsonb: written on every assignment, never queried inside, and cheaper to insert.
    candidates: json('candidates').notNull(),
    candidateCount: integer('candidate_count').notNull(),
    excluded: json('excluded').notNull(),
    excludedCount: integer('excluded_count').notNull(),
    decidedAt: ts('decided_at').notNull(),
    durationUs: integer('duration_us').notNull(),
    /** What-if replay snapshot: the strategy's weights and the decision's inputs. */
    weights: json('weights'),
    inputs: json('inputs'),
    /** What pre-assignment hooks said of this assignment (amended, failed open, an earlier veto). */
    hookNote: text('hook_note'),
  },
  (t) => [
    index('assignment_decisions_task_idx').on(t.taskId),
    index('assignment_decisions_decided_idx').on(t.decidedAt),
  ],
);

/** Every manual action on a task (cancel, retry, discard, reprioritise) with who took it. */
export const taskActions = pgTable(
  'task_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: text('task_id').notNull(),
    action: text('action').notNull(),
    actor: jsonb('actor').$type<ActorRef>().notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('task_actions_task_idx').on(t.taskId, t.id)],
);
