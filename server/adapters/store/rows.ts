import type { SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  priorityName,
  type Agent,
  type AgentState,
  type AssignmentDecision,
  type Task,
  type TaskState,
} from '@/server/core/model';
import { describeStatus } from '@/server/core/registry/agent-status';

/** Runs raw SQL on either driver; both answer with `{ rows }`. */
export async function rows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

export const ms = (v: unknown): number | null => (v == null ? null : new Date(v as string | Date).getTime());
const msOr = (v: unknown): number => ms(v) ?? 0;
const num = (v: unknown): number | null => (v == null ? null : Number(v));

/** Raw-SQL rows use column names; status and activity are the core's one reading of them. */
export function toAgent(r: Record<string, any>): Agent {
  const active = Number(r.active_tasks ?? 0);
  const { status, activity } = describeStatus({
    status: r.status as AgentState,
    activeTasks: active,
    workSince: ms(r.work_since),
    activity: r.activity ? { state: r.activity, detail: r.activity_detail ?? null, at: ms(r.activity_at) } : null,
  });
  return {
    id: r.id,
    name: r.name,
    runtime: r.runtime,
    capabilities: r.capabilities ?? [],
    maxConcurrency: Number(r.max_concurrency),
    labels: r.labels ?? {},
    status,
    activeTasks: active,
    contextWindow: num(r.context_window),
    contextUsed: num(r.context_used),
    load: num(r.load),
    registeredAt: msOr(r.registered_at),
    lastHeartbeatAt: ms(r.last_heartbeat_at),
    statusChangedAt: msOr(r.status_changed_at),
    activity,
    parkedUntil: ms(r.parked_until),
    sessionId: r.session_id ?? null,
    poolId: r.pool_id ?? null,
    lastWorkAt: ms(r.last_work_at),
  };
}

export function toTask(r: Record<string, any>): Task {
  return {
    id: r.id,
    title: r.title,
    payload: r.payload ?? null,
    capabilities: r.capabilities ?? [],
    priority: priorityName(Number(r.priority)),
    status: r.status as TaskState,
    attempt: Number(r.attempt),
    maxAttempts: Number(r.max_attempts),
    agentId: r.agent_id ?? null,
    contextKey: r.context_key ?? null,
    project: r.project ?? 'default',
    concurrencyKey: r.concurrency_key ?? null,
    concurrencyLimit: num(r.concurrency_limit),
    dependsOn: r.depends_on ?? [],
    idempotencyKey: r.idempotency_key ?? null,
    timeoutMs: num(r.timeout_ms),
    submittedBy: r.submitted_by ?? null,
    result: r.result ?? null,
    error: r.error ?? null,
    progressPercent: num(r.progress_percent),
    progressMessage: r.progress_message ?? null,
    createdAt: msOr(r.created_at),
    queuedAt: msOr(r.queued_at),
    assignedAt: ms(r.assigned_at),
    startedAt: ms(r.started_at),
    finishedAt: ms(r.finished_at),
    retryAt: ms(r.retry_at),
    leaseExpiresAt: ms(r.lease_expires_at),
    labels: r.labels ?? {},
    hookHold: r.hook_hold_reason ? { until: msOr(r.hook_hold_until), reason: r.hook_hold_reason } : null,
  };
}

export function toDecision(r: Record<string, any>): AssignmentDecision {
  return {
    id: r.id,
    taskId: r.task_id,
    attempt: Number(r.attempt),
    strategy: r.strategy,
    winnerAgentId: r.winner_agent_id,
    winnerAgentName: r.winner_agent_name,
    candidates: r.candidates ?? [],
    candidateCount: Number(r.candidate_count),
    excluded: r.excluded ?? [],
    excludedCount: Number(r.excluded_count),
    decidedAt: msOr(r.decided_at),
    durationUs: Number(r.duration_us),
    hookNote: r.hook_note ?? null,
  };
}

export const json = (v: unknown): string => JSON.stringify(v ?? null);

/** A `json` column's value: drivers hand some back as text, others already parsed. */
export const fromJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
