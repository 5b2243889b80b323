import { bigserial, index, json, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { ActorRef } from '@/server/core/access/actor';

/**
 * Every routing-policy change, newest last: the latest row per scope is the policy in force,
 * and the rest is the record of who changed what and when.
 */
export const routingChanges = pgTable(
  'routing_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** `global`, or `pool:<id>` once pools exist. */
    scope: text('scope').notNull(),
    strategy: text('strategy').notNull(),
    weights: json('weights').$type<Record<string, number>>().notNull(),
    changedBy: jsonb('changed_by').$type<ActorRef>().notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('routing_changes_scope_idx').on(t.scope, t.id)],
);
