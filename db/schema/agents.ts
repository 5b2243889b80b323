import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const agents = pgTable(
  'agents',
  {
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
    /** Why the status last changed ("no heartbeat for 30 s", "drained by alice"); the event log carries it. */
    statusReason: text('status_reason'),
    /** What the agent's CLI reports it is doing (working, waiting-for-input, rate-limited…). */
    activity: text('activity'),
    activityDetail: text('activity_detail'),
    activityAt: timestamp('activity_at', { withTimezone: true, mode: 'date' }),
    /** A rate-limited agent takes no work until then. */
    parkedUntil: timestamp('parked_until', { withTimezone: true, mode: 'date' }),
    /** The CLI conversation a restarted or woken agent resumes. */
    sessionId: text('session_id'),
    /** Set for agents a pool started and manages. */
    poolId: text('pool_id'),
    /** Last time the agent was handed work or finished some: idleness is measured from it. */
    lastWorkAt: timestamp('last_work_at', { withTimezone: true, mode: 'date' }),
    /**
     * The name in natural order (`scale-2` before `scale-10`): lower-cased, each digit run padded
     * to ten digits (pad with ten zeros, keep the last ten), so the database sorts and pages by it.
     */
    sortName: text('sort_name')
      .generatedAlwaysAs(
        sql`regexp_replace(regexp_replace(lower(name), '([0-9]+)', '0000000000\\1', 'g'), '0*([0-9]{10})', '\\1', 'g')`,
      )
      .notNull(),
  },
  (t) => [
    uniqueIndex('agents_name_uq').on(t.name),
    uniqueIndex('agents_token_hash_uq').on(t.tokenHash),
    index('agents_status_idx').on(t.status),
    index('agents_pool_idx').on(t.poolId),
    index('agents_sort_name_idx').on(t.sortName, t.id),
  ],
);
