import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { routingChanges } from '@/db/schema';
import type { ActorRef } from '@/server/core/access/actor';
import type { RoutingChange, RoutingStore } from '@/server/core/routing/ports';
import { fromJson, ms, rows } from './rows';

const toChange = (r: Record<string, unknown>): RoutingChange => ({
  id: Number(r.id),
  scope: r.scope as string,
  strategy: r.strategy as string,
  weights: fromJson<Record<string, number>>(r.weights),
  changedBy: r.changed_by as ActorRef,
  changedAt: ms(r.changed_at) ?? 0,
});

export function createRoutingStore(db: Db): RoutingStore {
  return {
    async current(scope) {
      const [r] = await rows(db, sql`select * from routing_changes where scope = ${scope} order by id desc limit 1`);
      return r ? toChange(r) : null;
    },
    async record(change) {
      const [r] = await db
        .insert(routingChanges)
        .values(change)
        .returning({ id: routingChanges.id, changedAt: routingChanges.changedAt });
      return { ...change, id: r.id, changedAt: r.changedAt.getTime() };
    },
    async history(limit) {
      return (await rows(db, sql`select * from routing_changes order by id desc limit ${limit}`)).map(toChange);
    },
  };
}
