import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Task } from '@/server/core/model';
import type { DeadLetterFilter, TaskStore } from '@/server/core/tasks/ports';
import { textArray } from './dependency-writes';
import { rows, toTask } from './rows';

/** Back to the queue with a fresh set of attempts (the old ones stay in the history). */
const RETRY = sql`status = 'queued', queued_at = now(), retry_at = null, finished_at = null, agent_id = null, lease_token = null,
  lease_expires_at = null, max_attempts = attempt + max_attempts`;

const RETRYABLE = sql`status in ('dead-lettered', 'failed', 'cancelled')`;

/** The dead letters a filter matches: counting and retrying must agree. */
function matching(filter: DeadLetterFilter): SQL {
  const where: SQL[] = [sql`status = 'dead-lettered'`];
  if (filter.capability) where.push(sql`capabilities ? ${filter.capability}`);
  if (filter.errorContains)
    where.push(sql`error ilike ${`%${filter.errorContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (filter.project) where.push(sql`project = ${filter.project}`);
  return sql.join(where, sql` and `);
}

/** Operator actions on the dead-letter queue (and on failed or cancelled tasks). */
export function createDeadLetterWrites(
  db: Db,
): Pick<TaskStore, 'retryTask' | 'retryMany' | 'retryDeadLetters' | 'countDeadLetters' | 'discardDeadLetter'> {
  return {
    async retryTask(id) {
      const [r] = await rows(db, sql`update tasks set ${RETRY} where id = ${id} and ${RETRYABLE} returning *`);
      return r ? toTask(r) : null;
    },

    async retryMany(ids) {
      if (!ids.length) return [];
      const found = await rows<{ id: string }>(
        db,
        sql`update tasks set ${RETRY} where id = any(${textArray(ids)}) and ${RETRYABLE} returning id`,
      );
      return found.map((r) => r.id);
    },

    async retryDeadLetters(filter) {
      const found = await rows<{ id: string }>(
        db,
        sql`update tasks set ${RETRY} where ${matching(filter)} returning id`,
      );
      return found.map((r) => r.id);
    },

    async countDeadLetters(filter) {
      const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from tasks where ${matching(filter)}`);
      return Number(r?.n ?? 0);
    },

    async discardDeadLetter(id) {
      const [r] = await rows(
        db,
        sql`
        update tasks set status = 'cancelled', error = 'discarded from the dead-letter queue', finished_at = now()
        where id = ${id} and status = 'dead-lettered' returning *`,
      );
      return r ? (toTask(r) as Task) : null;
    },
  };
}
