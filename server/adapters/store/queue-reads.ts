import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { TaskState } from '@/server/core/model';
import type { Blocker, TaskStore } from '@/server/core/tasks/ports';
import { DEFAULT_CONCURRENCY_LIMIT, type QueuePolicy } from '@/server/core/tasks/queue-policy';
import { textArray } from './dependency-writes';
import { rows, toTask } from './rows';

type Reads = Pick<TaskStore, 'queued' | 'statuses' | 'blockers' | 'concurrencyUsage'>;

export async function readStatuses(db: Db, ids: readonly string[]): Promise<Map<string, TaskState>> {
  if (!ids.length) return new Map();
  const found = await rows<{ id: string; status: TaskState }>(
    db,
    sql`select id, status from tasks where id = any(${textArray(ids)})`,
  );
  return new Map(found.map((r) => [r.id, r.status]));
}

/**
 * The queue head, ordered by the queue policy (queue-policy.ts; its `orderQueue` is the same
 * rule in TypeScript). Index-friendly at 100k queued tasks: the non-empty (project, priority)
 * bands are found by a skip scan of `tasks_queue_idx`, each band gives its oldest `limit` tasks
 * from that index, and only those (bands × limit rows) are ranked. Within a band, older never
 * ranks later, so the true head is among them. A task whose key is full is skipped inside its
 * band; a key with some room may fill its band's `limit` for one pass, until it fills.
 */
export function createQueueReads(db: Db, policy: QueuePolicy): Reads {
  const weights = JSON.stringify(policy.projectWeights);
  const step = sql`${policy.agingStepMs}::float8 * interval '1 millisecond'`;
  return {
    async queued(limit, fits) {
      const fit = fits?.length
        ? sql`and (${sql.join(
            fits.map((caps) => sql`t.capabilities <@ ${JSON.stringify(caps)}::jsonb`),
            sql` or `,
          )})`
        : sql``;
      const found = await rows(
        db,
        sql`
        with recursive bands(project, priority) as (
          (select project, priority from tasks where status = 'queued' order by project, priority limit 1)
          union all
          select n.project, n.priority from bands b cross join lateral (
            select project, priority from tasks
            where status = 'queued' and (project, priority) > (b.project, b.priority)
            order by project, priority limit 1) n
        ),
        active as (select project, concurrency_key from tasks where status in ('assigned', 'running')),
        running as (select project, count(*)::int as n from active group by project),
        keyed as (select concurrency_key as key, count(*)::int as n from active where concurrency_key is not null group by concurrency_key),
        weights as (select key as project, value::float8 as weight from json_each_text(${weights}::json)),
        -- Queued at or before s<n>: waited n ageing steps. Four steps take background (rank 4) to critical.
        cutoffs as (select now() - ${step} as s1, now() - 2 * ${step} as s2, now() - 3 * ${step} as s3, now() - 4 * ${step} as s4),
        head as (
          select t.* from bands b cross join lateral (
            select t.id, t.project, t.priority, t.queued_at, t.seq, t.concurrency_key, t.concurrency_limit from tasks t
            where t.status = 'queued' and t.project = b.project and t.priority = b.priority ${fit}
              and (t.hook_hold_until is null or t.hook_hold_until <= now())
              and (t.concurrency_key is null
                or coalesce((select n from keyed where key = t.concurrency_key), 0) < coalesce(t.concurrency_limit, ${DEFAULT_CONCURRENCY_LIMIT}))
            order by t.queued_at, t.seq limit ${limit}) t
        ),
        aged as (
          select h.*, greatest(0, h.priority - (h.queued_at <= c.s1)::int - (h.queued_at <= c.s2)::int - (h.queued_at <= c.s3)::int - (h.queued_at <= c.s4)::int) as eff
          from head h cross join cutoffs c
        ),
        placed as (select a.*, row_number() over (partition by a.eff, a.project collate "C" order by a.queued_at, a.seq) - 1 as ahead from aged a),
        shared as (
          select p.*, (coalesce(r.n, 0) + p.ahead)::float8 / coalesce(w.weight, 1) as share,
            greatest(coalesce(s.finish, c.v), c.v) + p.ahead::float8 / coalesce(w.weight, 1) as clock
          from placed p
          cross join (select coalesce(max(last_start), 0)::float8 as v from project_shares) c
          left join running r on r.project = p.project
          left join weights w on w.project = p.project
          left join project_shares s on s.project = p.project
        ),
        ranked as (
          select s.*, 0 as key_active, 1::bigint as key_rank from shared s where s.concurrency_key is null
          union all
          select s.*, coalesce(k.n, 0),
            row_number() over (partition by s.concurrency_key collate "C" order by s.eff, s.share, s.clock, s.queued_at, s.seq)
          from shared s left join keyed k on k.key = s.concurrency_key where s.concurrency_key is not null
        ),
        picked as (
          select id, eff, share, clock, queued_at, seq from ranked
          where concurrency_key is null or key_active + key_rank <= coalesce(concurrency_limit, ${DEFAULT_CONCURRENCY_LIMIT})
          order by eff, share, clock, queued_at, seq limit ${limit}
        )
        select t.* from picked p join tasks t on t.id = p.id order by p.eff, p.share, p.clock, p.queued_at, p.seq`,
      );
      return found.map(toTask);
    },

    statuses: (ids) => readStatuses(db, ids),

    async blockers(taskIds) {
      const out = new Map<string, Blocker[]>();
      if (!taskIds.length) return out;
      const found = await rows<{ task_id: string; dep_id: string; status: TaskState }>(
        db,
        sql`
        select t.id as task_id, d.id as dep_id, d.status
        from tasks t cross join lateral unnest(t.depends_on) with ordinality as u(dep, n)
        join tasks d on d.id = u.dep
        where t.id = any(${textArray(taskIds)}) and d.status <> 'succeeded'
        order by t.id, u.n`,
      );
      for (const r of found) {
        const list = out.get(r.task_id) ?? [];
        list.push({ taskId: r.dep_id, status: r.status });
        out.set(r.task_id, list);
      }
      return out;
    },

    async concurrencyUsage(taskIds) {
      if (!taskIds.length) return new Map();
      const found = await rows<{ id: string; key: string; lim: number; running: number }>(
        db,
        sql`
        with mine as (
          select id, concurrency_key, coalesce(concurrency_limit, ${DEFAULT_CONCURRENCY_LIMIT}) as lim from tasks
          where id = any(${textArray(taskIds)}) and concurrency_key is not null
        ),
        used as (
          select concurrency_key, count(*)::int as n from tasks
          where status in ('assigned', 'running') and concurrency_key in (select concurrency_key from mine)
          group by concurrency_key
        )
        select m.id, m.concurrency_key as key, m.lim, coalesce(u.n, 0) as running from mine m left join used u using (concurrency_key)`,
      );
      return new Map(found.map((r) => [r.id, { key: r.key, running: Number(r.running), limit: Number(r.lim) }]));
    },
  };
}
