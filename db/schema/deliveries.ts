import type { ActorRef } from '@/server/core/access/actor';
import type { LabelMatcherRow } from './alerts';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Notification channels: where alert notifications go (`webhook` generic JSON, `slack`
 * incoming webhook, `alertmanager-webhook` Alertmanager's receiver payload v4), for which
 * severities and labels, and how often a still-firing group is re-sent.
 */
export const channels = pgTable(
  'channels',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    url: text('url').notNull(),
    /** Signs every request (HMAC-SHA256); shown once when created, never returned by a list. */
    secret: text('secret').notNull(),
    /** Severities routed here (empty: all). */
    severities: jsonb('severities').$type<string[]>().notNull(),
    matchers: jsonb('matchers').$type<LabelMatcherRow[]>().notNull(),
    repeatIntervalMs: integer('repeat_interval_ms').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: jsonb('created_by').$type<ActorRef>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('channels_name_uq').on(t.name)],
);

/** Per channel and alert group: what was last sent and when (one notification per group per repeat interval). */
export const notificationGroups = pgTable(
  'notification_groups',
  {
    channelId: text('channel_id').notNull(),
    groupKey: text('group_key').notNull(),
    /** The firing alerts' fingerprints in the last notification (a change sends again at once). */
    lastFingerprints: jsonb('last_fingerprints').$type<string[]>().notNull(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Whether the last notification said the group resolved. */
    resolved: boolean('resolved').notNull().default(false),
  },
  (t) => [uniqueIndex('notification_groups_pk').on(t.channelId, t.groupKey)],
);

/**
 * Webhook subscriptions to lifecycle events (`kind` = 'event', `patterns` such as `task:*`), and
 * pre-assignment hooks (`kind` = 'pre-assignment') that may veto or amend an assignment within
 * `timeout_ms`, failing open or closed.
 */
export const hooks = pgTable(
  'hooks',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    patterns: jsonb('patterns').$type<string[]>().notNull(),
    timeoutMs: integer('timeout_ms').notNull(),
    failMode: text('fail_mode').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: jsonb('created_by').$type<ActorRef>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('hooks_name_uq').on(t.name)],
);

/**
 * Outgoing HTTP deliveries of channels and hooks, written before they are sent: a leader that
 * dies mid-send leaves the row, and the next one sends it again under the same `id` (the
 * `Flightdeck-Delivery` header), so receivers can drop the duplicate. Per `(target_id, subject)`
 * only the oldest pending row is sent: one task's or agent's events arrive in order, and a
 * failing delivery holds back only its subject.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: text('id').primaryKey(),
    /** 'channel' or 'hook' */
    targetKind: text('target_kind').notNull(),
    targetId: text('target_id').notNull(),
    /** What orders deliveries: a task, an agent, an alert group. */
    subject: text('subject').notNull(),
    /** Makes creation idempotent: the event position and kind that caused it, or a repeat slot. */
    dedupeKey: text('dedupe_key').notNull(),
    eventName: text('event_name').notNull(),
    eventPosition: bigint('event_position', { mode: 'number' }),
    /** The exact JSON body sent (signed as it is). */
    body: text('body').notNull(),
    /** pending, delivered, failed (gave up after its attempts) */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, mode: 'date' }),
    responseStatus: integer('response_status'),
    latencyMs: integer('latency_ms'),
    /** The first bytes of the last response body, or the error that stopped it. */
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
    /** A replay of this delivery (an operator's redeliver). */
    replayOf: text('replay_of'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('deliveries_dedupe_uq').on(t.targetKind, t.targetId, t.dedupeKey),
    index('deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('deliveries_target_idx').on(t.targetId, t.createdAt),
    index('deliveries_subject_idx').on(t.targetId, t.subject, t.createdAt),
  ],
);
