import { bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Every circuit-breaker transition (agent and runtime breakers), with the operator when one acted. */
export const breakerEvents = pgTable('breaker_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** `agent:<id>` or `runtime:<label>`. */
  key: text('key').notNull(),
  fromState: text('from_state').notNull(),
  toState: text('to_state').notNull(),
  reason: text('reason').notNull(),
  by: text('by'),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('breaker_events_key_idx').on(t.key, t.id)]);
