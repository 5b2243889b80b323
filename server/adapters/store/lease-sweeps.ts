import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { TaskState } from '@/server/core/model';
import type { ExpiredLease, TaskStore } from '@/server/core/tasks/ports';
import type { LeasePolicy } from '@/server/core/work/lease-policy';
import type { createDependencyWrites } from './dependency-writes';
import { retryOnConflict } from './conflict-retry';
import { retryDelay } from './lease-writes';
import { rows } from './rows';

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * The lease clock, entirely in database time: assignments not accepted in time and running
 * tasks whose lease lapsed (no heartbeat or progress) go back to the queue at once; tasks past
 * their timeout back off like a failure. Attempts used up: dead letters.
 */
export function createLeaseSweeps(
  db: Db,
  dependents: ReturnType<typeof createDependencyWrites>,
  policy: LeasePolicy,
): Pick<TaskStore, 'expireLeases' | 'releaseRetries'> {
  const defaultTimeout = policy.defaultTaskTimeoutMs ?? 0;
  return {
    async expireLeases(limit) {
      const found = await retryOnConflict(() =>
        rows<{
          id: string;
          attempt: number;
          status: TaskState;
          agent_id: string;
          kind: ExpiredLease['kind'];
          reason: string;
          retry_at: Date | null;
        }>(
          db,
          sql`
        with x as (
          select id, case
              when status = 'running' and coalesce(timeout_ms, ${defaultTimeout}) > 0
                   and started_at + coalesce(timeout_ms, ${defaultTimeout}) * interval '1 millisecond' < now() then 'timed-out'
              when status = 'assigned' then 'not-accepted'
              else 'stalled' end as kind
          from tasks
          where status in ('assigned', 'running')
            and (lease_expires_at < now()
              or (status = 'running' and coalesce(timeout_ms, ${defaultTimeout}) > 0
                  and started_at + coalesce(timeout_ms, ${defaultTimeout}) * interval '1 millisecond' < now()))
          order by lease_expires_at limit ${limit}
          for update skip locked
        ),
        r as (
          select x.id, x.kind, case x.kind
              when 'timed-out' then 'timed out after ' || trim_scale(round(coalesce(t.timeout_ms, ${defaultTimeout}) / 1000.0, 1)) || ' s'
              when 'not-accepted' then ${`not accepted within ${seconds(policy.acceptDeadlineMs)}`}
              else ${`stalled: no heartbeat or progress for ${seconds(policy.stallTimeoutMs)}`} end as reason,
            t.attempt < t.max_attempts as again
          from x join tasks t on t.id = x.id
        ),
        t as (
          update tasks t set
            status = case when not r.again then 'dead-lettered' when r.kind = 'timed-out' then 'retry-wait' else 'queued' end,
            retry_at = case when r.again and r.kind = 'timed-out' then now() + ${retryDelay(policy, sql`t.attempt`)} end,
            queued_at = case when r.again and r.kind <> 'timed-out' then now() else t.queued_at end,
            agent_id = case when r.again then null else t.agent_id end,
            lease_token = null, lease_expires_at = null, error = r.reason,
            finished_at = case when r.again then null else now() end
          from r where t.id = r.id
          returning t.id, t.attempt, t.status, t.retry_at, r.kind, r.reason, (select agent_id from task_attempts a where a.task_id = t.id and a.attempt = t.attempt) as agent_id
        ),
        a as (
          update task_attempts x set status = case when t.kind = 'timed-out' then 'timed-out' else 'lost' end, finished_at = now(), error = t.reason
          from t where x.task_id = t.id and x.attempt = t.attempt
        )
        select * from t`,
        ),
      );
      await dependents.dependentsOf(found.filter((r) => r.status === 'dead-lettered').map((r) => r.id));
      return found.map((r) => ({
        taskId: r.id,
        attempt: Number(r.attempt),
        agentId: r.agent_id,
        status: r.status,
        kind: r.kind,
        reason: r.reason,
        retryAt: r.retry_at ? new Date(r.retry_at).getTime() : null,
      }));
    },

    async releaseRetries(limit) {
      const found = await rows<{ id: string }>(
        db,
        sql`
        update tasks set status = 'queued', queued_at = now(), retry_at = null
        where id in (select id from tasks where status = 'retry-wait' and retry_at <= now() order by retry_at limit ${limit} for update skip locked)
        returning id`,
      );
      return found.map((r) => r.id);
    },
  };
}
