import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const tasks = pgTable('tasks', {
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
  idempotencyKey: text('idempotency_key'),
  timeoutMs: integer('timeout_ms'),
  submittedBy: text('submitted_by'),
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
}, (t) => [
  index('tasks_queue_idx').on(t.priority, t.queuedAt, t.seq).where(sql`status = 'queued'`),
  index('tasks_agent_active_idx').on(t.agentId).where(sql`status in ('assigned', 'running')`),
  index('tasks_status_idx').on(t.status),
  index('tasks_created_idx').on(t.createdAt, t.id),
  index('tasks_finished_idx').on(t.finishedAt).where(sql`finished_at is not null`),
  uniqueIndex('tasks_idempotency_key_uq').on(t.idempotencyKey),
]);

export const taskAttempts = pgTable('task_attempts', {
  taskId: text('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
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
}, (t) => [
  uniqueIndex('task_attempts_task_attempt_uq').on(t.taskId, t.attempt),
  index('task_attempts_assigned_idx').on(t.assignedAt),
]);

export const taskEvents = pgTable('task_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  taskId: text('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
  attempt: integer('attempt').notNull(),
  message: text('message').notNull(),
  percent: smallint('percent'),
  at: ts('at').notNull().defaultNow(),
}, (t) => [index('task_events_task_idx').on(t.taskId, t.id)]);

export const assignmentDecisions = pgTable('assignment_decisions', {
  id: text('id').primaryKey(),
  taskId: text('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
  attempt: integer('attempt').notNull(),
  strategy: text('strategy').notNull(),
  winnerAgentId: text('winner_agent_id').notNull(),
  winnerAgentName: text('winner_agent_name').notNull(),
  candidates: jsonb('candidates').notNull(),
  candidateCount: integer('candidate_count').notNull(),
  excluded: jsonb('excluded').notNull(),
  excludedCount: integer('excluded_count').notNull(),
  decidedAt: ts('decided_at').notNull(),
  durationUs: integer('duration_us').notNull(),
}, (t) => [
  index('assignment_decisions_task_idx').on(t.taskId),
  index('assignment_decisions_decided_idx').on(t.decidedAt),
]);
