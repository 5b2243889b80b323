import type { ActorRef } from '@/server/core/access/actor';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Named sets of managed agents: what they can do, who starts them, and how they are sized. */
export const pools = pgTable(
  'pools',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    capabilities: jsonb('capabilities').$type<string[]>().notNull(),
    provider: text('provider').notNull(),
    providerSettings: jsonb('provider_settings').$type<Record<string, unknown>>().notNull(),
    adapter: text('adapter').notNull(),
    agentConcurrency: integer('agent_concurrency').notNull(),
    minSize: integer('min_size').notNull(),
    maxSize: integer('max_size').notNull(),
    targetBacklogPerAgent: integer('target_backlog_per_agent').notNull(),
    scaleUpCooldownMs: integer('scale_up_cooldown_ms').notNull(),
    scaleDownCooldownMs: integer('scale_down_cooldown_ms').notNull(),
    /** Idle this long: agents above the minimum are removed, those within it go to sleep. */
    idleTimeoutMs: integer('idle_timeout_ms').notNull(),
    sleepWindows: jsonb('sleep_windows').$type<string[]>().notNull(),
    /** The IANA time zone the sleep windows are read in. */
    timeZone: text('time_zone').notNull().default('UTC'),
    enabled: boolean('enabled').notNull(),
    lastScaleUpAt: timestamp('last_scale_up_at', { withTimezone: true, mode: 'date' }),
    lastScaleDownAt: timestamp('last_scale_down_at', { withTimezone: true, mode: 'date' }),
    /** Why the autoscaler holds the pool back (sleep window, cool-down, max size, crash loop…), set once per change. */
    hold: jsonb('hold').$type<Record<string, unknown>>(),
    createdBy: jsonb('created_by').$type<ActorRef>(),
    /** Who last changed the settings (or disabled the pool before deleting it); the event log carries it. */
    updatedBy: jsonb('updated_by').$type<ActorRef>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pools_name_uq').on(t.name)],
);

/** The provider's handle on each managed agent (a pid, a container id), and whether it runs. */
export const poolMembers = pgTable(
  'pool_members',
  {
    agentId: text('agent_id').primaryKey(),
    poolId: text('pool_id').notNull(),
    ref: text('ref'),
    running: boolean('running').notNull(),
    restarts: integer('restarts').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    /** Exit code or signal and the stderr tail of its last crash. */
    lastExit: jsonb('last_exit').$type<Record<string, unknown>>(),
  },
  (t) => [index('pool_members_pool_idx').on(t.poolId)],
);

/** Every autoscaler decision with its inputs and reason, and the pool's size against its backlog. */
export const scaleDecisions = pgTable(
  'scale_decisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    poolId: text('pool_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    action: text('action').notNull(),
    delta: integer('delta').notNull(),
    backlog: integer('backlog').notNull(),
    size: integer('size').notNull(),
    awake: integer('awake').notNull(),
    reason: text('reason').notNull(),
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    /** The autoscaler, or who changed the pool; null on records older than actors. */
    actor: jsonb('actor').$type<ActorRef>(),
  },
  (t) => [index('scale_decisions_pool_idx').on(t.poolId, t.id)],
);

export const poolSamples = pgTable(
  'pool_samples',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    poolId: text('pool_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    size: integer('size').notNull(),
    awake: integer('awake').notNull(),
    busy: integer('busy').notNull(),
    backlog: integer('backlog').notNull(),
  },
  (t) => [index('pool_samples_pool_idx').on(t.poolId, t.at)],
);
