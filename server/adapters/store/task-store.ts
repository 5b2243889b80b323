import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { priorityName, type TaskState } from '@/server/core/model';
import type { TaskStore } from '@/server/core/tasks/ports';
import type { RecordedDecision } from '@/server/core/scheduler/decide';
import { DEFAULT_QUEUE_POLICY, type QueuePolicy } from '@/server/core/tasks/queue-policy';
import { DEFAULT_LEASE_POLICY, type LeasePolicy } from '@/server/core/work/lease-policy';
import { createDependencyWrites } from './dependency-writes';
import { retryOnConflict } from './conflict-retry';
import { createDeadLetterWrites } from './dead-letter-writes';
import { createLeaseSweeps } from './lease-sweeps';
import { createLeaseWrites } from './lease-writes';
import { packReplayInputs } from './replay-inputs';
import { createQueueReads } from './queue-reads';
import { json, rows } from './rows';
import { createTaskInsert } from './task-insert';
import { createTaskOperatorWrites } from './task-operator-writes';
import { createTaskReads } from './task-reads';

/**
 * Fair share: each project with tasks in `upd` advances its virtual clock by 1/weight per task,
 * from the virtual time if it was behind it (queue-policy.ts `advanceClock`). Across replicas
 * two concurrent passes may each advance from the same reading: the clock is a tie-breaker, so
 * that approximation is harmless.
 */
const advanceProjectClocks = (weights: string) => sql`
  insert into project_shares (project, last_start, finish)
  select n.project, b.base + (n.n - 1) / b.w, b.base + n.n / b.w
  from (select project, count(*)::float8 as n from upd group by project) n
  cross join (select coalesce(max(last_start), 0)::float8 as v from project_shares) c
  left join project_shares old on old.project = n.project
  cross join lateral (select greatest(coalesce(old.finish, c.v), c.v) as base,
    coalesce((${weights}::json ->> n.project)::float8, 1) as w) b
  on conflict (project) do update set last_start = excluded.last_start, finish = excluded.finish`;

/** SQL NULL when absent (a JSON `null` would read back as a value). */
const jsonOrNull = (v: unknown): string | null => (v == null ? null : JSON.stringify(v));

export function createTaskStore(
  db: Db,
  policy: QueuePolicy = DEFAULT_QUEUE_POLICY,
  lease: LeasePolicy = DEFAULT_LEASE_POLICY,
): TaskStore {
  const weights = JSON.stringify(policy.projectWeights);
  const dependents = createDependencyWrites(db);
  const leases = createLeaseWrites(db, dependents, lease);
  return {
    ...createTaskReads(db),
    ...createQueueReads(db, policy),
    ...createLeaseSweeps(db, dependents, lease),
    ...createDeadLetterWrites(db),
    ...createTaskOperatorWrites(db, dependents),

    insert: createTaskInsert(db, dependents),

    async assign(plans) {
      if (!plans.length) return [];
      // One statement (atomic on its own): claim still-queued tasks, open their attempts, store the decisions.
      const values = sql.join(
        plans.map((p) => {
          const d = p.decision;
          const replay = d as Partial<Pick<RecordedDecision, 'weights' | 'snapshot'>>;
          return sql`(${p.taskId}, ${p.agentId}, ${p.leaseToken}, ${p.delivered}::boolean, ${d.id}, ${d.strategy}, ${d.winnerAgentName},
          ${json(d.candidates)}::json, ${d.candidateCount}::int, ${json(d.excluded)}::json, ${d.excludedCount}::int,
          ${new Date(d.decidedAt)}::timestamptz, ${d.durationUs}::int, ${jsonOrNull(replay.weights)}::json, ${packReplayInputs(replay.snapshot)}::json, ${d.hookNote ?? null}::text)`;
        }),
        sql`, `,
      );
      const applied = await retryOnConflict(() =>
        rows(
          db,
          sql`
        with v(id, agent_id, lease, delivered, decision_id, strategy, winner_name, candidates, candidate_count, excluded, excluded_count, decided_at, duration_us, weights, inputs, hook_note)
          as (values ${values}),
        -- Only agents still awake and unparked; the share lock makes a concurrent sleep wait for
        -- this statement (and then see its assignment), so no sleeping agent ever holds work.
        awake as (select id from agents where id in (select agent_id from v) and status = 'idle'
          and (parked_until is null or parked_until <= now()) for share),
        upd as (
          update tasks t set status = 'assigned', agent_id = v.agent_id, lease_token = v.lease, attempt = t.attempt + 1,
            assigned_at = now(), delivered_at = case when v.delivered then now() end, started_at = null,
            progress_percent = null, progress_message = null, retry_at = null,
            hook_hold_until = null, hook_holds = 0, hook_hold_reason = null,
            lease_expires_at = now() + ${lease.acceptDeadlineMs}::int * interval '1 millisecond'
          from v where t.id = v.id and t.status = 'queued' and v.agent_id in (select id from awake)
          returning t.id, t.agent_id, t.attempt, t.lease_token, t.queued_at, t.assigned_at, t.priority, t.project
        ),
        shares as (${advanceProjectClocks(weights)}),
        att as (
          insert into task_attempts (task_id, attempt, agent_id, lease_token, status, decision_id, queued_at, assigned_at)
          select upd.id, upd.attempt, upd.agent_id, upd.lease_token, 'assigned', v.decision_id, upd.queued_at, upd.assigned_at
          from upd join v on v.id = upd.id
        ),
        dec as (
          insert into assignment_decisions
            (id, task_id, attempt, strategy, winner_agent_id, winner_agent_name, candidates, candidate_count, excluded, excluded_count, decided_at, duration_us, weights, inputs, hook_note)
          select v.decision_id, upd.id, upd.attempt, v.strategy, upd.agent_id, v.winner_name, v.candidates, v.candidate_count,
                 v.excluded, v.excluded_count, v.decided_at, v.duration_us, v.weights, v.inputs, v.hook_note
          from upd join v on v.id = upd.id
        )
        select id, agent_id, attempt, priority, extract(epoch from (assigned_at - queued_at)) * 1000 as waited_ms from upd`,
        ),
      );
      return applied.map((a) => ({
        taskId: a.id as string,
        agentId: a.agent_id as string,
        attempt: Number(a.attempt),
        waitedMs: Math.max(0, Number(a.waited_ms)),
        priority: priorityName(Number(a.priority)),
      }));
    },

    async deliver(agentId, limit) {
      const found = await rows(
        db,
        sql`
        update tasks set delivered_at = now()
        where id in (
          select id from tasks
          where agent_id = ${agentId} and status = 'assigned' and delivered_at is null
          order by priority, assigned_at, seq limit ${limit}
          for update skip locked)
        returning id, attempt, lease_token, title, payload, capabilities, priority, context_key, timeout_ms, assigned_at, seq`,
      );
      return found
        .sort((x, y) => Number(x.priority) - Number(y.priority) || Number(x.seq) - Number(y.seq))
        .map((r) => ({
          taskId: r.id as string,
          attempt: Number(r.attempt),
          leaseToken: r.lease_token as string,
          title: r.title as string,
          payload: r.payload ?? null,
          capabilities: (r.capabilities ?? []) as string[],
          priority: priorityName(Number(r.priority)),
          contextKey: (r.context_key ?? null) as string | null,
          timeoutMs: r.timeout_ms == null ? null : Number(r.timeout_ms),
        }));
    },

    async agentsAwaitingDelivery() {
      const found = await rows<{ agent_id: string }>(
        db,
        sql`
        select distinct agent_id from tasks where status = 'assigned' and delivered_at is null`,
      );
      return found.map((r) => r.agent_id);
    },

    start: (taskId, agentId, leaseToken) => leases.start(taskId, agentId, leaseToken),

    async progress(taskId, agentId, leaseToken, message, percent) {
      const p = percent == null ? null : Math.round(percent);
      const [r] = await rows<{ attempt: number }>(
        db,
        sql`
        with t as (
          update tasks set progress_percent = coalesce(${p}::smallint, progress_percent), progress_message = ${message}, last_progress_at = now(),
            lease_expires_at = now() + ${lease.stallTimeoutMs}::int * interval '1 millisecond'
          where id = ${taskId} and agent_id = ${agentId} and lease_token = ${leaseToken} and status in ('assigned', 'running')
          returning id, attempt
        )
        insert into task_events (task_id, attempt, message, percent) select id, attempt, ${message}, ${p}::smallint from t
        returning attempt`,
      );
      return r ? { attempt: Number(r.attempt) } : null;
    },

    finish(taskId, agentId, leaseToken, outcome) {
      return outcome.status === 'succeeded'
        ? leases.succeed({ taskId, agentId, leaseToken, result: outcome.result })
        : leases.fail({ taskId, agentId, leaseToken, error: outcome.error, retry: outcome.retry });
    },

    async release(taskId, agentId, leaseToken, reason) {
      const [r] = await rows<{ attempt: number }>(
        db,
        sql`
        with t as (
          update tasks set status = 'queued', agent_id = null, lease_token = null, lease_expires_at = null, started_at = null,
            progress_percent = null, progress_message = null, max_attempts = max_attempts + 1
          where id = ${taskId} and agent_id = ${agentId} and lease_token = ${leaseToken} and status in ('assigned', 'running')
          returning id, attempt
        ),
        a as (update task_attempts x set status = 'released', finished_at = now(), error = ${reason} from t where x.task_id = t.id and x.attempt = t.attempt)
        select attempt from t`,
      );
      return r ? { attempt: Number(r.attempt) } : null;
    },

    async requeueAgentWork(agentId, reason) {
      const retry = sql`attempt < max_attempts`;
      const out = await rows<{ id: string; attempt: number; status: TaskState }>(
        db,
        sql`
        with t as (
          update tasks set
            status = case when ${retry} then 'queued' else 'dead-lettered' end,
            error = case when ${retry} then error else ${`${reason} during the last attempt`} end,
            agent_id = case when ${retry} then null else agent_id end,
            lease_token = null, lease_expires_at = null,
            queued_at = case when ${retry} then now() else queued_at end,
            finished_at = case when ${retry} then null else now() end
          where agent_id = ${agentId} and status in ('assigned', 'running')
          returning id, attempt, status
        ),
        a as (update task_attempts x set status = 'lost', finished_at = now(), error = ${reason} from t where x.task_id = t.id and x.attempt = t.attempt)
        select id, attempt, status from t`,
      );
      await dependents.dependentsOf(out.filter((r) => r.status === 'dead-lettered').map((r) => r.id));
      return out.map((r) => ({ taskId: r.id, attempt: Number(r.attempt), status: r.status }));
    },

    settleBlocked: () => dependents.all(),
  };
}
