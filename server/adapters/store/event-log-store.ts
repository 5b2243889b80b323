import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { AnyBusEvent } from '@/server/core/events';
import type { EventLogStore } from '@/server/core/log/ports';
import { ms, rows } from './rows';

type EventRow = { position: string | number; name: string; payload: unknown; at: string | Date };

const toEvent = (r: EventRow): AnyBusEvent =>
  ({ id: String(r.position), name: r.name, payload: r.payload, at: ms(r.at) ?? 0 }) as AnyBusEvent;

/** Reads of the event log; the rows themselves are written by the database's triggers. */
export function createEventLogStore(db: Db): EventLogStore {
  return {
    async after(position, limit) {
      const found = await rows<EventRow>(
        db,
        sql`select position, name, payload, at from events where position > ${position} order by position limit ${limit}`,
      );
      return found.map(toEvent);
    },

    async head() {
      // The newest committed row, not the sequence: a writer holding the event lock may have taken
      // the next number already, and a reader starting past it would skip that event once it commits.
      const [r] = await rows<{ position: string | number | null }>(
        db,
        sql`select max(position) as position from events`,
      );
      return r?.position == null ? 0 : Number(r.position);
    },

    async oldest() {
      const [r] = await rows<{ position: string | number | null }>(
        db,
        sql`select min(position) as position from events`,
      );
      return r?.position == null ? null : Number(r.position);
    },

    async prune(olderThanMs, batch) {
      const found = await rows<{ n: number }>(
        db,
        sql`
        with doomed as (
          select position from events
          where at < now() - ${olderThanMs}::bigint * interval '1 millisecond'
            and position <= coalesce((select min(position) from event_consumers), 9223372036854775807)
          order by position limit ${batch}
        ),
        gone as (delete from events e using doomed d where e.position = d.position returning 1)
        select count(*)::int as n from gone`,
      );
      return Number(found[0]?.n ?? 0);
    },

    async cursor(consumer, startAt) {
      const [r] = await rows<{ position: string | number }>(
        db,
        sql`
        with created as (
          insert into event_consumers (name, position) values (${consumer}, ${startAt})
          on conflict (name) do nothing returning position
        )
        select position from created union all select position from event_consumers where name = ${consumer}`,
      );
      return Number(r.position);
    },

    async advance(consumer, from, to) {
      const moved = await rows(
        db,
        sql`update event_consumers set position = ${to}, updated_at = now()
        where name = ${consumer} and position = ${from} returning name`,
      );
      return moved.length > 0;
    },

    async consumers() {
      const found = await rows<{ name: string; position: string | number; behind: string | number }>(
        db,
        sql`select c.name, c.position, (select count(*) from events e where e.position > c.position) as behind
        from event_consumers c order by c.name`,
      );
      return found.map((r) => ({ name: r.name, position: Number(r.position), behind: Number(r.behind) }));
    },
  };
}
