import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { ActorRef } from '@/server/core/access/actor';
import type { TaskActionKind, TaskActionStore } from '@/server/core/tasks/task-actions';
import { textArray } from './dependency-writes';
import { ms, rows } from './rows';

/** Manual actions on tasks, one row per task and action: a bulk action of 500 ids is one statement. */
export function createTaskActionStore(db: Db): TaskActionStore {
  return {
    async record({ taskIds, action, actor, detail }) {
      if (!taskIds.length) return;
      await rows(
        db,
        sql`
        insert into task_actions (task_id, action, actor, detail)
        select id, ${action}, ${JSON.stringify(actor)}::jsonb, ${JSON.stringify(detail)}::jsonb from unnest(${textArray(taskIds)}) as id`,
      );
    },
    async forTask(taskId, limit) {
      const found = await rows(
        db,
        sql`select * from task_actions where task_id = ${taskId} order by id desc limit ${limit}`,
      );
      return found.map((r) => ({
        taskId: r.task_id as string,
        action: r.action as TaskActionKind,
        actor: r.actor as ActorRef,
        detail: (r.detail ?? {}) as Record<string, unknown>,
        at: ms(r.at) ?? 0,
      }));
    },
  };
}
