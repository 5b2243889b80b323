import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Task } from '@/server/core/model';
import type { TaskStore } from '@/server/core/ports';
import { rows, toTask } from './rows';

/** Back to the queue with a fresh set of attempts (the old ones stay in the history). */
const RETRY = sql`status = 'queued', queued_at = now(), retry_at = null, finished_at = null, agent_id = null, lease_token = null,
  lease_expires_at = null, max_attempts = attempt + max_attempts`;

/** Operator actions on the dead-letter queue (and on failed or cancelled tasks). */
export function createDeadLetterWrites(db: Db): Pick<TaskStore, 'retryTask' | 'retryDeadLetters' | 'discardDeadLetter'> {
  return {
    async retryTask(id) {
      const [r] = await rows(db, sql`update tasks set ${RETRY} where id = ${id} and status in ('dead-lettered', 'failed', 'cancelled') returning *`);
      return r ? toTask(r) : null;
    },

    async retryDeadLetters(filter) {
      const where: SQL[] = [sql`status = 'dead-lettered'`];
      if (filter.capability) where.push(sql`capabilities ? ${filter.capability}`);
      if (filter.errorContains) where.push(sql`error ilike ${`%${filter.errorContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
      if (filter.project) where.push(sql`project = ${filter.project}`);
      const found = await rows<{ id: string }>(db, sql`update tasks set ${RETRY} where ${sql.join(where, sql` and `)} returning id`);
      return found.map((r) => r.id);
    },

    async discardDeadLetter(id) {
      const [r] = await rows(db, sql`
        update tasks set status = 'cancelled', error = 'discarded from the dead-letter queue', finished_at = now()
        where id = ${id} and status = 'dead-lettered' returning *`);
      return r ? (toTask(r) as Task) : null;
    },
  };
}
