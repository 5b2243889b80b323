import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The leader lease: one row (`name` = 'cluster') whose holder runs the cluster loops until
 * `expires_at` (database clock). `epoch` grows with every new term and fences the writes of a
 * former leader. The database logs each new term as `cluster:leader-changed` (migration 0013).
 */
export const leaderLease = pgTable('leader_lease', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  epoch: bigint('epoch', { mode: 'number' }).notNull(),
  acquiredAt: timestamp('acquired_at', { withTimezone: true, mode: 'date' }).notNull(),
  renewedAt: timestamp('renewed_at', { withTimezone: true, mode: 'date' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** The server processes sharing this database, each refreshing `last_seen_at` every few seconds. */
export const replicas = pgTable(
  'replicas',
  {
    id: text('id').primaryKey(),
    host: text('host').notNull(),
    pid: integer('pid').notNull(),
    version: text('version').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('replicas_last_seen_idx').on(t.lastSeenAt)],
);
