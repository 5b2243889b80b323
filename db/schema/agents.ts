import { index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const agents = pgTable('agents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  runtime: text('runtime').notNull(),
  capabilities: jsonb('capabilities').$type<{ name: string; level: number }[]>().notNull(),
  maxConcurrency: integer('max_concurrency').notNull(),
  labels: jsonb('labels').$type<Record<string, string>>().notNull(),
  status: text('status').notNull(),
  tokenHash: text('token_hash').notNull(),
  contextWindow: integer('context_window'),
  contextUsed: integer('context_used'),
  load: real('load'),
  registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  lastHeartbeatAt: timestamp('last_heartbeat_at', { withTimezone: true, mode: 'date' }),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('agents_name_uq').on(t.name),
  uniqueIndex('agents_token_hash_uq').on(t.tokenHash),
  index('agents_status_idx').on(t.status),
]);
