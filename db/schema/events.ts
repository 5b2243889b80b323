import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The durable event log: every state change of a task, an agent, a pool, a breaker or the routing
 * policy, written by triggers (migration 0011) in the transaction that made the change. Writers
 * take one advisory lock just before they insert and hold it to commit, so `position` order is
 * commit order and "position > last seen" never skips a slower transaction's events. (That needs
 * the sequence's default cache of 1: with a larger cache, sessions would hand out numbers from
 * their own blocks, out of lock order.)
 */
export const events = pgTable(
  'events',
  {
    position: bigserial('position', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('events_at_idx').on(t.at)],
);

/** A durable consumer's cursor: the last position it has handled (at-least-once delivery). */
export const eventConsumers = pgTable('event_consumers', {
  name: text('name').primaryKey(),
  position: bigint('position', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
