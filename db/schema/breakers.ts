import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { ActorRef } from '@/server/core/access/actor';

/** Every circuit-breaker transition (agent and runtime breakers), with the operator when one acted. */
export const breakerEvents = pgTable(
  'breaker_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** `agent:<id>` or `runtime:<label>`. */
    key: text('key').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    reason: text('reason').notNull(),
    /** Who acted, for reset and force-open; null for the breaker's own transitions. */
    by: jsonb('by').$type<ActorRef>(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('breaker_events_key_idx').on(t.key, t.id)],
);
