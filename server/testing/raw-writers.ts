import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from '@/db/client';

/** A state change as any SQL client could make it: cancelled and dead-lettered by turns (no loop acts on either). */
const TOGGLE = `update tasks set status = case when status = 'cancelled' then 'dead-lettered' else 'cancelled' end`;
export const TOGGLE_STATE = `${TOGGLE} where id = $1`;
export const toggleState = (taskId: string) => sql`${sql.raw(TOGGLE)} where id = ${taskId}`;

/** A connection of its own to a PostgreSQL database, outside the application's pool. */
export async function connectRaw(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // Nothing may hang a suite: a lock wait or an idle transaction ends with an error instead.
  await c.query(`set statement_timeout = '5s'; set idle_in_transaction_session_timeout = '10s'`);
  return c;
}

export interface StateWriters {
  /** One transaction of writer `i`: begin, pause, change the task's state, pause, commit; answers its event's position. */
  write(i: number, taskId: string, pauses: [number, number]): Promise<number>;
  close(): Promise<void>;
}

/**
 * `n` writers, as many at once as the database allows: one connection each on PostgreSQL, the
 * one connection of the embedded database (which runs a transaction at a time) otherwise.
 */
export async function openStateWriters(database: Database, url: string | undefined, n: number): Promise<StateWriters> {
  if (database.kind === 'pglite' || !url) {
    return {
      write: (_i, taskId, [before, after]) =>
        database.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(${before})`);
          await tx.execute(toggleState(taskId));
          await tx.execute(sql`select pg_sleep(${after})`);
          const r = await tx.execute(sql`select max(position) as p from events`);
          return Number((r as unknown as { rows: { p: string }[] }).rows[0].p);
        }),
      close: async () => {},
    };
  }
  const clients = await Promise.all(Array.from({ length: n }, () => connectRaw(url)));
  return {
    async write(i, taskId, [before, after]) {
      const c = clients[i];
      await c.query('begin');
      await c.query('select pg_sleep($1)', [before]);
      await c.query(TOGGLE_STATE, [taskId]);
      await c.query('select pg_sleep($1)', [after]);
      // Holding the event lock, the writer's own event is the newest there is.
      const { rows } = await c.query<{ p: string }>('select max(position) as p from events');
      await c.query('commit');
      return Number(rows[0].p);
    },
    close: async () => void (await Promise.all(clients.map((c) => c.end()))),
  };
}
