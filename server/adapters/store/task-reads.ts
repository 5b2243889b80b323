import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { tasks } from '@/db/schema';
import { priorityRank, type AttemptState, type TaskSummary } from '@/server/core/model';
import type { TaskStore } from '@/server/core/tasks/ports';
import { decodePageCursor, encodePageCursor } from '@/server/core/shared/page-cursor';
import { ms, rows, toDecision, toTask } from './rows';

type Reads = Pick<TaskStore, 'get' | 'list' | 'attempts' | 'progressLog' | 'decisions' | 'recentDecisions'>;

/** Every column but the payload and the result, which can be large: a list carries their sizes instead. */
const SUMMARY_COLUMNS = sql.raw(
  [
    ...Object.values(getTableColumns(tasks))
      .map((c) => c.name)
      .filter((n) => n !== 'payload' && n !== 'result')
      .map((n) => `"${n}"`),
    'octet_length(payload::text) as payload_bytes',
    'octet_length(result::text) as result_bytes',
  ].join(', '),
);

function toSummary(r: Record<string, unknown>): TaskSummary {
  const { payload: _payload, result: _result, ...rest } = toTask(r);
  return {
    ...rest,
    payloadBytes: Number(r.payload_bytes ?? 0),
    resultBytes: r.result_bytes == null ? null : Number(r.result_bytes),
  };
}

export function createTaskReads(db: Db): Reads {
  return {
    async get(id) {
      const [r] = await rows(db, sql`select * from tasks where id = ${id}`);
      return r ? toTask(r) : null;
    },

    async list(f) {
      const where: SQL[] = [];
      if (f.status?.length)
        where.push(
          sql`status in (${sql.join(
            f.status.map((s) => sql`${s}`),
            sql`, `,
          )})`,
        );
      if (f.priority?.length)
        where.push(
          sql`priority in (${sql.join(
            f.priority.map((p) => sql`${priorityRank(p)}`),
            sql`, `,
          )})`,
        );
      if (f.agentId) where.push(sql`agent_id = ${f.agentId}`);
      const column = f.timeField === 'created' ? sql`created_at` : sql`finished_at`;
      if (f.since !== undefined) where.push(sql`${column} >= ${new Date(f.since)}`);
      if (f.until !== undefined) where.push(sql`${column} < ${new Date(f.until)}`);
      if (f.search) where.push(sql`(id = ${f.search} or title ilike ${`%${f.search.replace(/[%_\\]/g, '\\$&')}%`})`);
      const c = f.cursor ? decodePageCursor(f.cursor) : null;
      if (c) where.push(sql`(created_at, id) < (${new Date(c.createdAt)}, ${c.id})`);
      const clause = where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``;
      const found = (
        await rows(
          db,
          sql`select ${SUMMARY_COLUMNS} from tasks ${clause} order by created_at desc, id desc limit ${f.limit + 1}`,
        )
      ).map(toSummary);
      const items = found.slice(0, f.limit);
      const last = items[items.length - 1];
      return {
        items,
        nextCursor:
          found.length > f.limit && last ? encodePageCursor({ createdAt: last.createdAt, id: last.id }) : null,
      };
    },

    async attempts(taskId) {
      const found = await rows(
        db,
        sql`
        select x.*, a.name as agent_name from task_attempts x left join agents a on a.id = x.agent_id
        where x.task_id = ${taskId} order by x.attempt`,
      );
      return found.map((r) => ({
        taskId: r.task_id as string,
        attempt: Number(r.attempt),
        agentId: r.agent_id as string,
        agentName: (r.agent_name ?? null) as string | null,
        status: r.status as AttemptState,
        queuedAt: ms(r.queued_at)!,
        assignedAt: ms(r.assigned_at)!,
        startedAt: ms(r.started_at),
        finishedAt: ms(r.finished_at),
        error: (r.error ?? null) as string | null,
      }));
    },

    async progressLog(taskId, limit) {
      const found = await rows(
        db,
        sql`select * from task_events where task_id = ${taskId} order by id desc limit ${limit}`,
      );
      return found.reverse().map((r) => ({
        id: Number(r.id),
        taskId: r.task_id as string,
        attempt: Number(r.attempt),
        message: r.message as string,
        percent: r.percent == null ? null : Number(r.percent),
        at: ms(r.at)!,
      }));
    },

    async decisions(taskId) {
      return (await rows(db, sql`select * from assignment_decisions where task_id = ${taskId} order by attempt`)).map(
        toDecision,
      );
    },

    async recentDecisions(limit) {
      // Not the replay inputs (the largest columns): a feed shows none of them.
      const found = await rows(
        db,
        sql`
        select d.id, d.task_id, d.attempt, d.strategy, d.winner_agent_id, d.winner_agent_name, d.candidates, d.candidate_count,
               d.excluded, d.excluded_count, d.decided_at, d.duration_us, d.hook_note, t.title as task_title
        from assignment_decisions d left join tasks t on t.id = d.task_id
        order by d.decided_at desc limit ${limit}`,
      );
      return found.map((r) => ({ ...toDecision(r), taskTitle: (r.task_title ?? null) as string | null }));
    },
  };
}
