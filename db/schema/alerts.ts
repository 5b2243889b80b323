import type { ActorRef } from '@/server/core/access/actor';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** A label matcher of a rule filter or a silence: `=`, `!=`, `=~`, `!~` (Alertmanager's four). */
export interface LabelMatcherRow {
  name: string;
  value: string;
  op: '=' | '!=' | '=~' | '!~';
}

/**
 * Alert rules: the built-in ones (seeded, `builtin`, editable but not deletable) and the
 * operators' own. `metric` names one of the readings the evaluator takes each pass (queue depth
 * per capability, failure rate per runtime…); the rule fires for each labelled reading that
 * passes `comparison threshold` for `for_ms`.
 */
export const alertRules = pgTable(
  'alert_rules',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    builtin: boolean('builtin').notNull().default(false),
    metric: text('metric').notNull(),
    filters: jsonb('filters').$type<LabelMatcherRow[]>().notNull(),
    comparison: text('comparison').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    forMs: integer('for_ms').notNull(),
    severity: text('severity').notNull(),
    labels: jsonb('labels').$type<Record<string, string>>().notNull(),
    summary: text('summary').notNull(),
    /** Labels whose values split the rule's alerts into notification groups (empty: one group per rule). */
    groupBy: jsonb('group_by').$type<string[]>().notNull(),
    /** Metric-specific settings (a failure rate's window…). */
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: jsonb('created_by').$type<ActorRef>(),
    updatedBy: jsonb('updated_by').$type<ActorRef>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('alert_rules_name_uq').on(t.name)],
);

/**
 * One alert: a rule's condition for one set of labels (its fingerprint), from pending to
 * resolved. At most one open (not resolved) alert per fingerprint; a condition that returns
 * after its alert resolved opens a new one.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    fingerprint: text('fingerprint').notNull(),
    ruleId: text('rule_id').notNull(),
    ruleName: text('rule_name').notNull(),
    /** pending → firing → acknowledged → resolved */
    state: text('state').notNull(),
    severity: text('severity').notNull(),
    labels: jsonb('labels').$type<Record<string, string>>().notNull(),
    summary: text('summary').notNull(),
    /** The reading when last evaluated. */
    value: doublePrecision('value'),
    groupKey: text('group_key').notNull(),
    /** When the condition first held (pending since). */
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    firingAt: timestamp('firing_at', { withTimezone: true, mode: 'date' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    acknowledgedBy: jsonb('acknowledged_by').$type<ActorRef>(),
    /** The operator it is assigned to (a user name). */
    assignee: text('assignee'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    /** Since when the condition no longer holds (resolution waits a short delay against flapping). */
    clearSince: timestamp('clear_since', { withTimezone: true, mode: 'date' }),
    /** The silence that mutes it now, or the alert that inhibits it (neither notifies while set). */
    silencedBy: text('silenced_by'),
    inhibitedBy: text('inhibited_by'),
    /** The rule's reading at each evaluation while open, newest last (bounded): the alert's chart. */
    samples: jsonb('samples').$type<{ at: number; value: number }[]>().notNull().default([]),
    lastEvaluatedAt: timestamp('last_evaluated_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('alerts_open_fingerprint_uq')
      .on(t.fingerprint)
      .where(sql`state <> 'resolved'`),
    index('alerts_state_idx').on(t.state, t.startsAt),
    index('alerts_group_idx').on(t.groupKey),
  ],
);

/** Every change of an alert's state or handling, with who made it and why: the alert's timeline. */
export const alertTransitions = pgTable(
  'alert_transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    alertId: text('alert_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /**
     * pending, firing, acknowledged, resolved, cleared (a pending alert's condition went away before it
     * fired: resolved quietly) — or a handling step: assigned, silenced, unsilenced, inhibited, uninhibited, remedy.
     */
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actor: jsonb('actor').$type<ActorRef>().notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
  },
  (t) => [index('alert_transitions_alert_idx').on(t.alertId, t.id)],
);

/** Silences mute the alerts whose labels match every matcher, between `starts_at` and `ends_at`. */
export const silences = pgTable(
  'silences',
  {
    id: text('id').primaryKey(),
    matchers: jsonb('matchers').$type<LabelMatcherRow[]>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: jsonb('created_by').$type<ActorRef>().notNull(),
    comment: text('comment').notNull(),
    /** Set when an operator ended it early. */
    expiredBy: jsonb('expired_by').$type<ActorRef>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('silences_ends_idx').on(t.endsAt)],
);

export type AlertRuleRow = typeof alertRules.$inferSelect;
export type AlertRow = typeof alerts.$inferSelect;
