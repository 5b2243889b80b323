import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { breakerEvents } from '@/db/schema';
import type { ActorRef } from '@/server/core/access/actor';
import type { BreakerStore } from '@/server/core/breakers/ports';
import { ms, rows } from './rows';

export function createBreakerStore(db: Db): BreakerStore {
  return {
    async record(t) {
      await db.insert(breakerEvents).values({
        key: t.key,
        fromState: t.from,
        toState: t.to,
        reason: t.reason,
        by: t.by ?? null,
        at: new Date(t.at),
      });
    },
    async history(keys, limit) {
      if (!keys.length) return [];
      const found = await rows(
        db,
        sql`
        select * from breaker_events where key in (${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )}) order by id desc limit ${limit}`,
      );
      return found.map((r) => ({
        key: r.key as string,
        from: r.from_state as never,
        to: r.to_state as never,
        reason: r.reason as string,
        at: ms(r.at) ?? 0,
        ...(r.by ? { by: r.by as ActorRef } : {}),
      }));
    },
  };
}
