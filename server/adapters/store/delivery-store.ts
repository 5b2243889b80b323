import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Delivery, DeliveryStore, NewDelivery } from '@/server/core/deliveries/ports';
import { decodePageCursor, encodePageCursor } from '@/server/core/shared/page-cursor';
import { ms, rows } from './rows';

/** Stored of a response body: enough to see what a receiver said. */
export const EXCERPT_CHARS = 1024;

let seq = 0;
/**
 * `dlv_<time><sequence><random>`: ids written by one process sort in the order they were made,
 * which breaks ties between rows of one millisecond (`created_at` is kept to the ms, as cursors are) in enqueue order.
 */
export function newDeliveryId(now = Date.now()): string {
  seq = (seq + 1) % 36 ** 4;
  return `dlv_${now.toString(36).padStart(9, '0')}${seq.toString(36).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
}

export function toDelivery(r: Record<string, any>): Delivery {
  return {
    id: r.id,
    targetKind: r.target_kind,
    targetId: r.target_id,
    subject: r.subject,
    dedupeKey: r.dedupe_key,
    eventName: r.event_name,
    eventPosition: r.event_position == null ? null : Number(r.event_position),
    body: r.body,
    replayOf: r.replay_of ?? null,
    status: r.status,
    attempts: Number(r.attempts),
    nextAttemptAt: ms(r.next_attempt_at) ?? 0,
    lastAttemptAt: ms(r.last_attempt_at),
    responseStatus: r.response_status == null ? null : Number(r.response_status),
    latencyMs: r.latency_ms == null ? null : Number(r.latency_ms),
    responseExcerpt: r.response_excerpt ?? null,
    error: r.error ?? null,
    createdAt: ms(r.created_at) ?? 0,
  };
}

/**
 * Inserts the rows whose (target, dedupe key) is new; answers the ids written. Takes any `db`, so
 * a caller can enqueue inside its own transaction (a notification and its group's state together).
 */
export async function insertDeliveries(db: Db, list: NewDelivery[]): Promise<string[]> {
  if (!list.length) return [];
  const values = sql.join(
    list.map(
      (d) =>
        sql`(${newDeliveryId()}, ${d.targetKind}, ${d.targetId}, ${d.subject}, ${d.dedupeKey}, ${d.eventName},
          ${d.eventPosition}, ${d.body}, 'pending',
          ${d.nextAttemptAt == null ? sql`now()` : sql`${new Date(d.nextAttemptAt)}`}, ${d.replayOf ?? null}, date_trunc('milliseconds', clock_timestamp()))`,
    ),
    sql`, `,
  );
  const written = await rows<{ id: string }>(
    db,
    sql`insert into deliveries (id, target_kind, target_id, subject, dedupe_key, event_name, event_position, body,
          status, next_attempt_at, replay_of, created_at)
        values ${values}
        on conflict (target_kind, target_id, dedupe_key) do nothing
        returning id`,
  );
  return written.map((r) => r.id);
}

/** The outgoing-request queue shared by channels and hooks (`deliveries` table). */
export function createDeliveryStore(db: Db): DeliveryStore {
  return {
    enqueue: (list) => insertDeliveries(db, list),

    async due(limit) {
      const found = await rows(
        db,
        sql`select d.* from deliveries d
            where d.status = 'pending' and d.next_attempt_at <= now()
              and not exists (
                select 1 from deliveries o
                where o.target_id = d.target_id and o.subject = d.subject and o.target_kind = d.target_kind
                  and o.status = 'pending' and (o.created_at, o.id) < (d.created_at, d.id))
            order by d.next_attempt_at, d.created_at, d.id
            limit ${limit}`,
      );
      return found.map(toDelivery);
    },

    async recordAttempt(id, a) {
      const excerpt = a.response.body ? a.response.body.slice(0, EXCERPT_CHARS) : null;
      // Only a pending row takes an attempt: a second recording of one send changes nothing.
      await db.execute(
        sql`update deliveries set status = ${a.status}, attempts = attempts + 1,
              next_attempt_at = ${new Date(a.nextAttemptAt)}, last_attempt_at = ${new Date(a.at)},
              response_status = ${a.response.status}, latency_ms = ${a.response.latencyMs},
              response_excerpt = ${excerpt}, error = ${a.response.error}
            where id = ${id} and status = 'pending'`,
      );
    },

    async get(id) {
      const [r] = await rows(db, sql`select * from deliveries where id = ${id}`);
      return r ? toDelivery(r) : null;
    },

    async list(targetId, page) {
      const c = page.cursor ? decodePageCursor(page.cursor) : null;
      const after = c ? sql`and (created_at, id) < (${new Date(c.createdAt)}, ${c.id})` : sql``;
      const found = (
        await rows(
          db,
          sql`select * from deliveries where target_id = ${targetId} ${after}
              order by created_at desc, id desc limit ${page.limit + 1}`,
        )
      ).map(toDelivery);
      const items = found.slice(0, page.limit);
      const last = items.at(-1);
      return {
        items,
        nextCursor:
          found.length > page.limit && last ? encodePageCursor({ createdAt: last.createdAt, id: last.id }) : null,
      };
    },
  };
}
