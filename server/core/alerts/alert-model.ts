import { randomBytes } from 'node:crypto';
import type { ActorRef } from '../access/actor';
import type { LabelMatcher } from './label-matchers';

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const COMPARISONS = ['>', '>=', '<', '<=', '==', '!='] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const ALERT_STATES = ['pending', 'firing', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export type OpenState = Exclude<AlertState, 'resolved'>;

export type Labels = Record<string, string>;

/** A rule: for every reading of `metric` its filters match, `value comparison threshold` held for `forMs` fires. */
export interface AlertRule {
  id: string;
  name: string;
  builtin: boolean;
  metric: string;
  filters: LabelMatcher[];
  comparison: Comparison;
  threshold: number;
  forMs: number;
  severity: Severity;
  labels: Labels;
  summary: string;
  groupBy: string[];
  params: Record<string, unknown>;
  enabled: boolean;
  createdBy: ActorRef | null;
  updatedBy: ActorRef | null;
  createdAt: number;
  updatedAt: number;
}

/** One reading of a metric, for one set of labels (one capability, one agent…). */
export interface Reading {
  metric: string;
  labels: Labels;
  value: number;
}

export interface AlertSample {
  at: number;
  value: number;
}

export interface Alert {
  id: string;
  fingerprint: string;
  ruleId: string;
  ruleName: string;
  state: AlertState;
  severity: Severity;
  labels: Labels;
  summary: string;
  value: number | null;
  groupKey: string;
  startsAt: number;
  firingAt: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: ActorRef | null;
  assignee: string | null;
  resolvedAt: number | null;
  clearSince: number | null;
  silencedBy: string | null;
  inhibitedBy: string | null;
  lastEvaluatedAt: number;
  /** The rule's reading at each evaluation while open (the newest ALERT_SAMPLES_KEPT): the alert's chart. */
  samples: AlertSample[];
}

/** A step of an alert's timeline: a state change or a handling step (assigned, silenced, inhibited, remedy…). */
export interface AlertStep {
  kind: string;
  from: AlertState | null;
  to: AlertState;
  actor: ActorRef;
  reason: string;
  note?: string | null;
}

export interface AlertTransition extends AlertStep {
  id: number;
  alertId: string;
  at: number;
}

/**
 * What one write does to one alert: insert it, or update it only while it still has the state,
 * silence and assignee it was read with (an operator's change in between wins; the next pass
 * looks again), then append its timeline steps.
 */
export interface AlertChange {
  alert: Alert;
  insert: boolean;
  expect?: { state: AlertState; silencedBy: string | null; assignee: string | null };
  steps: AlertStep[];
  /** A reading to append to the alert's samples (the store keeps the newest ALERT_SAMPLES_KEPT). */
  sample?: AlertSample;
}

export interface Silence {
  id: string;
  matchers: LabelMatcher[];
  startsAt: number;
  endsAt: number;
  createdBy: ActorRef;
  comment: string;
  expiredBy: ActorRef | null;
  createdAt: number;
}

export const ALERT_SAMPLES_KEPT = 120;
/** An open alert's changed reading is sampled (written) at most this often; an unchanged one after ALERT_RESAMPLE_MS. */
export const ALERT_SAMPLE_GAP_MS = 30_000;
export const ALERT_RESAMPLE_MS = 5 * 60_000;

export const newAlertId = (prefix: 'alt' | 'sil' | 'rule', at: number): string =>
  `${prefix}_${at.toString(36)}${randomBytes(6).toString('hex')}`;

export const isOpen = (a: Pick<Alert, 'state'>): boolean => a.state !== 'resolved';

/** `from` and `expect` of a change to an alert as it was read. */
export const expectOf = (a: Alert): AlertChange['expect'] => ({
  state: a.state,
  silencedBy: a.silencedBy,
  assignee: a.assignee,
});
