import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { priorityName, priorityRank } from '@/server/core/model';
import type { TaskStore } from '@/server/core/tasks/ports';
import { textArray, type createDependencyWrites } from './dependency-writes';
import { rows, toTask } from './rows';

/** Every state before a task finishes; a task waiting out a retry backoff can be cancelled too. */
const UNFINISHED = sql`status in ('blocked', 'queued', 'retry-wait', 'assigned', 'running')`;

/** Cancels, and the attempt in flight (if any) with it; the lease token goes, so a late report is refused. */
const cancelWhere = (which: SQL) => sql`
  with t as (
    update tasks set status = 'cancelled', finished_at = now(), lease_token = null, retry_at = null
    where ${which} and ${UNFINISHED} returning *
  ),
  a as (update task_attempts x set status = 'cancelled', finished_at = now() from t where x.task_id = t.id and x.attempt = t.attempt and x.status in ('assigned', 'running'))
  select * from t`;

/** Operator changes to tasks: cancel one or many, and reprioritise. */
export function createTaskOperatorWrites(
  db: Db,
  dependents: ReturnType<typeof createDependencyWrites>,
): Pick<TaskStore, 'cancel' | 'cancelMany' | 'setPriority'> {
  return {
    async cancel(id) {
      const [r] = await rows(db, cancelWhere(sql`id = ${id}`));
      if (!r) return null;
      await dependents.dependentsOf([id]);
      return toTask(r);
    },

    async cancelMany(ids) {
      if (!ids.length) return { cancelled: [], dependentsCancelled: [] };
      const found = await rows<{ id: string; agent_id: string | null }>(
        db,
        cancelWhere(sql`id = any(${textArray(ids)})`),
      );
      const settled = await dependents.dependentsOf(found.map((r) => r.id));
      return {
        cancelled: found.map((r) => ({ id: r.id, agentId: r.agent_id ?? null })),
        dependentsCancelled: settled.cancelled,
      };
    },

    async setPriority(ids, priority) {
      if (!ids.length) return [];
      const rank = priorityRank(priority);
      const found = await rows<{ id: string; previous: number }>(
        db,
        sql`
        with old as (
          select id, priority from tasks
          where id = any(${textArray(ids)}) and ${UNFINISHED} and priority <> ${rank}::smallint
          for update
        )
        update tasks t set priority = ${rank}::smallint from old where t.id = old.id
        returning t.id, old.priority as previous`,
      );
      return found.map((r) => ({ id: r.id, previous: priorityName(Number(r.previous)) }));
    },
  };
}
