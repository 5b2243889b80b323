import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rows } from './rows';

export interface Settled {
  released: string[];
  cancelled: string[];
}

/** A text[] from a JS array, passed as one JSON parameter (the same on both drivers). */
export const textArray = (values: readonly string[]): SQL =>
  sql`array(select json_array_elements_text(${JSON.stringify(values)}::json))`;

/**
 * Blocked tasks picked by `which` (over `t`): queued (queue time now) once every dependency
 * succeeded; cancelled with the reason when one failed or was cancelled, and so, in turn,
 * their own blocked dependents. Must run after the write that finished the dependencies has
 * committed, in its own statement, so it sees that write and any dependent inserted meanwhile.
 */
async function settle(db: Db, which: SQL): Promise<Settled> {
  const found = await rows<{ outcome: 'released' | 'cancelled'; id: string }>(
    db,
    sql`
    with recursive
    candidates as (select t.id, t.depends_on from tasks t where t.status = 'blocked' and ${which}),
    judged as (
      select c.id,
        (select 'dependency ' || d.id || ' ' || d.status from tasks d
          where d.id = any(c.depends_on) and d.status in ('failed', 'dead-lettered', 'cancelled') order by d.id limit 1) as broken,
        not exists (select 1 from tasks d where d.id = any(c.depends_on) and d.status <> 'succeeded') as ready
      from candidates c
    ),
    doomed(id, reason) as (
      select id, broken from judged where broken is not null
      union
      select t.id, 'dependency ' || d.id || ' cancelled' from doomed d
      join tasks t on t.status = 'blocked' and t.depends_on && array[d.id]
    ),
    cancelled as (
      update tasks t set status = 'cancelled', error = x.reason, finished_at = now()
      from (select distinct on (id) id, reason from doomed order by id, reason) x
      where t.id = x.id and t.status = 'blocked'
      returning t.id
    ),
    released as (
      update tasks t set status = 'queued', queued_at = now()
      from judged j where t.id = j.id and j.ready and j.broken is null and t.status = 'blocked'
      returning t.id
    )
    select 'cancelled' as outcome, id from cancelled
    union all select 'released', id from released`,
  );
  return {
    released: found.filter((r) => r.outcome === 'released').map((r) => r.id),
    cancelled: found.filter((r) => r.outcome === 'cancelled').map((r) => r.id),
  };
}

const NOTHING: Settled = { released: [], cancelled: [] };

export function createDependencyWrites(db: Db) {
  return {
    /** The blocked dependents of these just-finished tasks. */
    dependentsOf: (finished: readonly string[]) =>
      finished.length ? settle(db, sql`t.depends_on && ${textArray(finished)}`) : Promise.resolve(NOTHING),
    /** These tasks, if blocked (just inserted: a dependency may have finished meanwhile). */
    tasks: (ids: readonly string[]) =>
      ids.length ? settle(db, sql`t.id = any(${textArray(ids)})`) : Promise.resolve(NOTHING),
    /** Every blocked task: the recovery sweep. */
    all: () => settle(db, sql`true`),
  };
}
