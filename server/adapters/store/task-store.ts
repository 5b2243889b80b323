import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { tasks } from '@/db/schema';
import { priorityName, priorityRank, type TaskState } from '@/server/core/model';
import type { TaskStore } from '@/server/core/ports';
import { json, rows, toTask } from './rows';
import { createLeaseWrites } from './lease-writes';
import { createTaskReads } from './task-reads';

const awaitingDelivery = (afterMs: number) =>
  sql`(delivered_at is null or delivered_at < now() - ${afterMs}::int * interval '1 millisecond')`;

export function createTaskStore(db: Db): TaskStore {
  const leases = createLeaseWrites(db);
  return {
    ...createTaskReads(db),

    async insert(specs) {
      // The same idempotency key twice in one batch names one task.
      const firstByKey = new Map<string, string>();
      const fresh = specs.filter((s) => {
        if (!s.idempotencyKey) return true;
        if (firstByKey.has(s.idempotencyKey)) return false;
        firstByKey.set(s.idempotencyKey, s.id);
        return true;
      });
      const now = new Date();
      return db.transaction(async (tx) => {
        const inserted = await tx.insert(tasks).values(fresh.map((s) => ({
          id: s.id, title: s.title, payload: s.payload, capabilities: s.capabilities, priority: priorityRank(s.priority),
          status: 'queued', maxAttempts: s.maxAttempts, contextKey: s.contextKey, idempotencyKey: s.idempotencyKey,
          timeoutMs: s.timeoutMs, submittedBy: s.submittedBy, createdAt: now, queuedAt: now,
        }))).onConflictDoNothing({ target: tasks.idempotencyKey }).returning({ id: tasks.id });
        const created = new Set(inserted.map((r) => r.id));
        const missingKeys = fresh.filter((s) => !created.has(s.id) && s.idempotencyKey).map((s) => s.idempotencyKey!);
        const existing = new Map<string, string>();
        if (missingKeys.length) {
          const found = await rows<{ id: string; idempotency_key: string }>(tx as unknown as Db,
            sql`select id, idempotency_key from tasks where idempotency_key in (${sql.join(missingKeys.map((k) => sql`${k}`), sql`, `)})`);
          for (const f of found) existing.set(f.idempotency_key, f.id);
        }
        const ids = specs.map((s) => {
          if (!s.idempotencyKey) return s.id;
          const first = firstByKey.get(s.idempotencyKey)!;
          return created.has(first) ? first : existing.get(s.idempotencyKey) ?? first;
        });
        return { ids, created: [...created] };
      });
    },

    async queued(limit, fits) {
      const fit = fits?.length
        ? sql`and (${sql.join(fits.map((caps) => sql`capabilities <@ ${JSON.stringify(caps)}::jsonb`), sql` or `)})`
        : sql``;
      return (await rows(db, sql`select * from tasks where status = 'queued' ${fit} order by priority, queued_at, seq limit ${limit}`)).map(toTask);
    },

    async assign(plans) {
      if (!plans.length) return [];
      // One statement (atomic on its own): claim still-queued tasks, open their attempts, store the decisions.
      const values = sql.join(plans.map((p) => {
        const d = p.decision;
        return sql`(${p.taskId}, ${p.agentId}, ${p.leaseToken}, ${p.delivered}::boolean, ${d.id}, ${d.strategy}, ${d.winnerAgentName},
          ${json(d.candidates)}::jsonb, ${d.candidateCount}::int, ${json(d.excluded)}::jsonb, ${d.excludedCount}::int,
          ${new Date(d.decidedAt)}::timestamptz, ${d.durationUs}::int)`;
      }), sql`, `);
      const applied = await rows(db, sql`
        with v(id, agent_id, lease, delivered, decision_id, strategy, winner_name, candidates, candidate_count, excluded, excluded_count, decided_at, duration_us)
          as (values ${values}),
        upd as (
          update tasks t set status = 'assigned', agent_id = v.agent_id, lease_token = v.lease, attempt = t.attempt + 1,
            assigned_at = now(), delivered_at = case when v.delivered then now() end, started_at = null,
            progress_percent = null, progress_message = null
          from v where t.id = v.id and t.status = 'queued'
          returning t.id, t.agent_id, t.attempt, t.lease_token, t.queued_at, t.assigned_at, t.priority
        ),
        att as (
          insert into task_attempts (task_id, attempt, agent_id, lease_token, status, decision_id, queued_at, assigned_at)
          select upd.id, upd.attempt, upd.agent_id, upd.lease_token, 'assigned', v.decision_id, upd.queued_at, upd.assigned_at
          from upd join v on v.id = upd.id
        ),
        dec as (
          insert into assignment_decisions
            (id, task_id, attempt, strategy, winner_agent_id, winner_agent_name, candidates, candidate_count, excluded, excluded_count, decided_at, duration_us)
          select v.decision_id, upd.id, upd.attempt, v.strategy, upd.agent_id, v.winner_name, v.candidates, v.candidate_count,
                 v.excluded, v.excluded_count, v.decided_at, v.duration_us
          from upd join v on v.id = upd.id
        )
        select id, agent_id, attempt, priority, extract(epoch from (assigned_at - queued_at)) * 1000 as waited_ms from upd`);
      return applied.map((a) => ({
        taskId: a.id as string, agentId: a.agent_id as string, attempt: Number(a.attempt),
        waitedMs: Math.max(0, Number(a.waited_ms)), priority: priorityName(Number(a.priority)),
      }));
    },

    async deliver(agentId, limit, redeliverAfterMs) {
      const found = await rows(db, sql`
        update tasks set delivered_at = now()
        where id in (
          select id from tasks
          where agent_id = ${agentId} and status = 'assigned' and ${awaitingDelivery(redeliverAfterMs)}
          order by priority, assigned_at, seq limit ${limit}
          for update skip locked)
        returning id, attempt, lease_token, title, payload, capabilities, priority, context_key, timeout_ms, assigned_at, seq`);
      return found
        .sort((x, y) => Number(x.priority) - Number(y.priority) || Number(x.seq) - Number(y.seq))
        .map((r) => ({
          taskId: r.id as string, attempt: Number(r.attempt), leaseToken: r.lease_token as string, title: r.title as string,
          payload: r.payload ?? null, capabilities: (r.capabilities ?? []) as string[], priority: priorityName(Number(r.priority)),
          contextKey: (r.context_key ?? null) as string | null, timeoutMs: r.timeout_ms == null ? null : Number(r.timeout_ms),
        }));
    },

    async agentsAwaitingDelivery(redeliverAfterMs) {
      const found = await rows<{ agent_id: string }>(db, sql`
        select distinct agent_id from tasks where status = 'assigned' and ${awaitingDelivery(redeliverAfterMs)}`);
      return found.map((r) => r.agent_id);
    },

    start: (taskId, agentId, leaseToken) => leases.start(taskId, agentId, leaseToken),

    async progress(taskId, agentId, leaseToken, message, percent) {
      const p = percent == null ? null : Math.round(percent);
      const [r] = await rows<{ attempt: number }>(db, sql`
        with t as (
          update tasks set progress_percent = coalesce(${p}::smallint, progress_percent), progress_message = ${message}, last_progress_at = now()
          where id = ${taskId} and agent_id = ${agentId} and lease_token = ${leaseToken} and status in ('assigned', 'running')
          returning id, attempt
        )
        insert into task_events (task_id, attempt, message, percent) select id, attempt, ${message}, ${p}::smallint from t
        returning attempt`);
      return r ? { attempt: Number(r.attempt) } : null;
    },

    finish(taskId, agentId, leaseToken, outcome) {
      return outcome.status === 'succeeded'
        ? leases.succeed({ taskId, agentId, leaseToken, result: outcome.result })
        : leases.fail({ taskId, agentId, leaseToken, error: outcome.error, retry: outcome.retry });
    },

    async cancel(id) {
      const [r] = await rows(db, sql`
        with t as (
          update tasks set status = 'cancelled', finished_at = now(), lease_token = null
          where id = ${id} and status in ('queued', 'assigned', 'running') returning *
        ),
        a as (update task_attempts x set status = 'cancelled', finished_at = now() from t where x.task_id = t.id and x.attempt = t.attempt and x.status in ('assigned', 'running'))
        select * from t`);
      return r ? toTask(r) : null;
    },

    async requeueAgentWork(agentId, reason) {
      const retry = sql`attempt < max_attempts`;
      const out = await rows<{ id: string; attempt: number; status: TaskState }>(db, sql`
        with t as (
          update tasks set
            status = case when ${retry} then 'queued' else 'failed' end,
            error = case when ${retry} then error else ${`${reason} during the last attempt`} end,
            agent_id = case when ${retry} then null else agent_id end,
            lease_token = null,
            queued_at = case when ${retry} then now() else queued_at end,
            finished_at = case when ${retry} then null else now() end
          where agent_id = ${agentId} and status in ('assigned', 'running')
          returning id, attempt, status
        ),
        a as (update task_attempts x set status = 'lost', finished_at = now(), error = ${reason} from t where x.task_id = t.id and x.attempt = t.attempt)
        select id, attempt, status from t`);
      return out.map((r) => ({ taskId: r.id, attempt: Number(r.attempt), status: r.status }));
    },
  };
}

