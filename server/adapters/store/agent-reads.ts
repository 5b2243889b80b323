import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { AGENT_STATES, type Agent, type AgentState } from '@/server/core/model';
import type { AgentPageQuery, AgentSortColumn } from '@/server/core/registry/agent-query';
import { rows, toAgent } from './rows';

const ACTIVE_COUNTS = sql`(select agent_id, count(*)::int as n, max(assigned_at) as since from tasks where status in ('assigned', 'running') group by agent_id)`;
/** The status an operator reads (registry/agent-status.ts): idle while holding work is busy. */
const SHOWN_STATUS = sql`case when a.status = 'idle' and coalesce(c.n, 0) > 0 then 'busy' else a.status end`;
const STATE_ORDER = sql.raw(`array[${AGENT_STATES.map((s) => `'${s}'`).join(', ')}]`);
const micros = (col: SQL) =>
  sql`lpad((extract(epoch from coalesce(${col}, 'epoch'::timestamptz)) * 1000000)::bigint::text, 20, '0')`;

/**
 * One text key per sort, made of the column and then the natural-order name, so rows that tie on
 * the column still read in name order; (key, id) is unique, which is what keyset paging needs.
 */
const SORT_KEYS: Record<AgentSortColumn, SQL> = {
  name: sql`a.sort_name`,
  status: sql`lpad(array_position(${STATE_ORDER}, ${SHOWN_STATUS})::text, 2, '0') || ' ' || a.sort_name`,
  runtime: sql`lower(a.runtime) || ' ' || a.sort_name`,
  activeTasks: sql`lpad(coalesce(c.n, 0)::text, 6, '0') || ' ' || a.sort_name`,
  lastHeartbeat: sql`${micros(sql`a.last_heartbeat_at`)} || ' ' || a.sort_name`,
  registeredAt: sql`${micros(sql`a.registered_at`)} || ' ' || a.sort_name`,
};

const likeAny = (term: string) => `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterOf(q: AgentPageQuery): SQL {
  const parts: SQL[] = [sql`true`];
  const wantsTerminated = q.includeTerminated || q.status?.includes('terminated');
  if (!wantsTerminated) parts.push(sql`x.shown_status <> 'terminated'`);
  if (q.status)
    parts.push(
      sql`x.shown_status in (${sql.join(
        q.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (q.ids)
    parts.push(
      q.ids.length
        ? sql`x.id in (${sql.join(
            q.ids.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (q.search) {
    const p = likeAny(q.search);
    parts.push(sql`(lower(x.name) like ${p}
      or exists (select 1 from jsonb_array_elements(x.capabilities) cap where lower(cap->>'name') like ${p})
      or exists (select 1 from jsonb_each_text(x.labels) l where lower(l.key) like ${p} or lower(l.key || '=' || l.value) like ${p}))`);
  }
  return sql.join(parts, sql` and `);
}

function withKeys(q: AgentPageQuery): SQL {
  return sql`(select a.*, coalesce(c.n, 0) as active_tasks, c.since as work_since, ${SHOWN_STATUS} as shown_status, ${SORT_KEYS[q.sort.by]} as sort_key
    from agents a left join ${ACTIVE_COUNTS} c on c.agent_id = a.id) x`;
}

/** One page of agents in the asked order, the number matching the filter (when asked), and the key where the page ended. */
export async function pageAgents(
  db: Db,
  q: AgentPageQuery,
  countTotal: boolean,
): Promise<{ items: Agent[]; total: number | null; last: { key: string; id: string } | null }> {
  const where = filterOf(q);
  const desc = q.sort.dir === 'desc';
  const after = q.after
    ? desc
      ? sql` and (x.sort_key, x.id) < (${q.after.key}, ${q.after.id})`
      : sql` and (x.sort_key, x.id) > (${q.after.key}, ${q.after.id})`
    : sql``;
  const order = desc ? sql`x.sort_key desc, x.id desc` : sql`x.sort_key asc, x.id asc`;
  const found = await rows(
    db,
    sql`select * from ${withKeys(q)} where ${where}${after} order by ${order} limit ${q.limit + 1}`,
  );
  const [counted] = countTotal
    ? await rows<{ n: number }>(db, sql`select count(*)::int as n from ${withKeys(q)} where ${where}`)
    : [];
  const page = found.slice(0, q.limit);
  const tail = page.at(-1);
  return {
    items: page.map(toAgent),
    total: counted ? Number(counted.n) : null,
    last: found.length > q.limit && tail ? { key: String(tail.sort_key), id: String(tail.id) } : null,
  };
}

/** Agents by the status an operator reads, the whole fleet. */
export async function countAgents(db: Db): Promise<Partial<Record<AgentState, number>>> {
  const found = await rows<{ s: AgentState; n: number }>(
    db,
    sql`
    select ${SHOWN_STATUS} as s, count(*)::int as n from agents a left join ${ACTIVE_COUNTS} c on c.agent_id = a.id group by 1`,
  );
  return Object.fromEntries(found.map((r) => [r.s, Number(r.n)]));
}

/**
 * Deletes agents terminated longer ago than the retention, by database time. Their tasks and
 * attempts keep the agent's id (no foreign key); the pool membership goes with the agent.
 */
export async function pruneTerminatedAgents(db: Db, retentionMs: number): Promise<number> {
  const gone = await rows<{ id: string }>(
    db,
    sql`
    with gone as (
      delete from agents where status = 'terminated'
        and status_changed_at < now() - ${retentionMs}::double precision * interval '1 millisecond'
      returning id
    ), members as (delete from pool_members where agent_id in (select id from gone))
    select id from gone`,
  );
  return gone.length;
}
