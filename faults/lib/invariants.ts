import type { Sql } from './database';
import type { TaskRow } from './outcomes';

export interface InvariantReport {
  /** Not queued/blocked/retry-wait, not assigned/running under a live lease, not terminal. */
  badState: string[];
  /** `succeeded` without exactly one succeeded attempt row. */
  badCompletion: string[];
  /** attempt > max_attempts. */
  overAttempts: string[];
  rows: TaskRow[];
}

/** Whether the schema has `tasks.lease_expires_at` yet; without it the lease clause is skipped. */
export async function hasLeaseColumn(sql: Sql): Promise<boolean> {
  const found = await sql.query(
    `select 1 from information_schema.columns where table_schema = current_schema() and table_name = 'tasks' and column_name = 'lease_expires_at'`,
  );
  return found.length > 0;
}

/**
 * The suite's invariants, in SQL, over one scenario's tasks: every task is waiting, held under a
 * live lease (database time), or terminal; a succeeded task has exactly one succeeded attempt;
 * no task ran more attempts than it allows.
 */
export async function checkInvariants(
  sql: Sql,
  ids: readonly string[],
  leaseColumn: boolean,
): Promise<InvariantReport> {
  const liveLease = leaseColumn ? `and t.lease_expires_at > now()` : '';
  const found = await sql.query<{ id: string; status: string; wins: string; state_ok: boolean; attempts_ok: boolean }>(
    `
    select t.id, t.status,
      (select count(*) from task_attempts a where a.task_id = t.id and a.status = 'succeeded') as wins,
      (t.status in ('queued', 'blocked', 'retry-wait')
        or (t.status in ('assigned', 'running') ${liveLease})
        or t.status in ('succeeded', 'failed', 'cancelled', 'dead-lettered')) as state_ok,
      t.attempt <= t.max_attempts as attempts_ok
    from tasks t where t.id = any($1::text[])`,
    [ids],
  );
  const rows = found.map((r) => ({ id: r.id, status: r.status, succeededAttempts: Number(r.wins) }));
  return {
    rows,
    badState: found.filter((r) => !r.state_ok).map((r) => r.id),
    badCompletion: rows.filter((r) => r.status === 'succeeded' && r.succeededAttempts !== 1).map((r) => r.id),
    overAttempts: found.filter((r) => !r.attempts_ok).map((r) => r.id),
  };
}

/**
 * The state invariant while work is in flight: tasks assigned or running whose lease lapsed more
 * than `graceMs` ago (the lease sweep runs every second) or that have no lease at all. Null while
 * the database is away, and when the schema has no lease column.
 */
export async function lapsedLeases(
  sql: Sql,
  ids: readonly string[],
  leaseColumn: boolean,
  graceMs: number,
): Promise<string[] | null> {
  if (!leaseColumn) return null;
  const rows = await sql.tryQuery<{ id: string }>(
    `
    select id from tasks where id = any($1::text[]) and status in ('assigned', 'running')
      and (lease_expires_at is null or lease_expires_at < now() - $2::int * interval '1 millisecond')`,
    [ids, graceMs],
  );
  return rows && rows.map((r) => r.id);
}

/** Counts by status of the given tasks (null while the database is away). */
export async function statusCounts(sql: Sql, ids: readonly string[]): Promise<Record<string, number> | null> {
  const rows = await sql.tryQuery<{ status: string; n: string }>(
    `select status, count(*) as n from tasks where id = any($1::text[]) group by status`,
    [ids],
  );
  return rows && Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Tasks agents hold right now: assigned (not yet handed over) or running under their ids. */
export async function heldBy(
  sql: Sql,
  agentIds: readonly string[],
): Promise<{ id: string; agentId: string; status: string }[] | null> {
  return sql.tryQuery(
    `select id, agent_id as "agentId", status from tasks where agent_id = any($1::text[]) and status in ('assigned', 'running')`,
    [agentIds],
  );
}
