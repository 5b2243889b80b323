import { actorRef, systemActor } from '../access/actor';
import {
  ALERT_RESAMPLE_MS,
  ALERT_SAMPLE_GAP_MS,
  type Alert,
  type AlertChange,
  type AlertRule,
  type AlertStep,
  expectOf,
  type Labels,
  type Reading,
  type Silence,
} from './alert-model';
import {
  compare,
  fingerprintOf,
  formatDuration,
  formatValue,
  groupKeyOf,
  matchLabels,
  renderSummary,
} from './alert-labels';
import { applyInhibition } from './inhibition';
import { matchesAll } from './label-matchers';
import { effectiveParams, readingKey } from './metric-catalogue';

export const EVALUATOR = actorRef(systemActor('alert-evaluator', 'alert evaluator'));

/** Against flapping: a firing alert resolves only once its condition stayed clear this long. */
export const DEFAULT_RESOLVE_DELAY_MS = 30_000;

export interface PassInput {
  now: number;
  rules: readonly AlertRule[];
  /** By `readingKey(metric, params)`. */
  readings: ReadonlyMap<string, readonly Reading[]>;
  open: readonly Alert[];
  /** Silences in force now. */
  silences: readonly Silence[];
  resolveDelayMs: number;
  newId: () => string;
}

interface Observation {
  rule: AlertRule;
  labels: Labels;
  value: number;
  holds: boolean;
}

/** The readings each enabled rule needs, once per metric and settings. */
export function readingRequests(rules: readonly AlertRule[]) {
  const out = new Map<string, { metric: string; params: Record<string, number> }>();
  for (const r of rules.filter((x) => x.enabled)) {
    const params = effectiveParams(r.metric, r.params);
    out.set(readingKey(r.metric, params), { metric: r.metric, params });
  }
  return [...out.values()];
}

/** Every enabled rule against its readings: one observation per rule and labelled reading its filters match. */
function observe(input: PassInput): Map<string, Observation> {
  const seen = new Map<string, Observation>();
  for (const rule of input.rules) {
    if (!rule.enabled) continue;
    const readings = input.readings.get(readingKey(rule.metric, effectiveParams(rule.metric, rule.params))) ?? [];
    for (const r of readings) {
      if (!matchesAll(rule.filters, r.labels)) continue;
      const labels = { ...r.labels, ...rule.labels };
      const holds = Number.isFinite(r.value) && compare(r.value, rule.comparison, rule.threshold);
      seen.set(fingerprintOf(rule.id, labels), { rule, labels, value: r.value, holds });
    }
  }
  return seen;
}

const step = (a: Alert, kind: string, reason: string, to = a.state): AlertStep => ({
  kind,
  from: a.state,
  to,
  actor: EVALUATOR,
  reason,
});

const conditionText = (o: Observation) =>
  `${o.rule.metric} is ${formatValue(o.value)} (${o.rule.comparison} ${formatValue(o.rule.threshold)})`;

function opened(o: Observation, now: number, id: string): AlertChange {
  const alert: Alert = {
    id,
    fingerprint: fingerprintOf(o.rule.id, o.labels),
    ruleId: o.rule.id,
    ruleName: o.rule.name,
    state: 'pending',
    severity: o.rule.severity,
    labels: o.labels,
    summary: renderSummary(o.rule.summary, o.labels, o.value),
    value: o.value,
    groupKey: groupKeyOf(o.rule, o.labels),
    startsAt: now,
    firingAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    assignee: null,
    resolvedAt: null,
    clearSince: null,
    silencedBy: null,
    inhibitedBy: null,
    lastEvaluatedAt: now,
    samples: [],
  };
  return {
    alert,
    insert: true,
    steps: [{ kind: 'pending', from: null, to: 'pending', actor: EVALUATOR, reason: conditionText(o) }],
  };
}

/** A condition that holds: pending until it held for the rule's `for`, then firing; a clear spell ends. */
function holding(c: AlertChange, o: Observation, now: number): void {
  const a = c.alert;
  a.clearSince = null;
  a.severity = o.rule.severity;
  a.ruleName = o.rule.name;
  a.summary = renderSummary(o.rule.summary, o.labels, o.value);
  if (a.state === 'pending' && now - a.startsAt >= o.rule.forMs) {
    c.steps.push(step(a, 'firing', `${conditionText(o)} for ${formatDuration(now - a.startsAt)}`, 'firing'));
    a.state = 'firing';
    a.firingAt = now;
  }
}

/**
 * A condition that no longer holds (or whose rule is gone): firing ends after the resolve delay;
 * pending ends at once and quietly (step `cleared`, an `alert:changed` event: nobody was told it fired).
 */
function clearing(c: AlertChange, o: Observation | undefined, rule: AlertRule | undefined, input: PassInput): void {
  const a = c.alert;
  const { now } = input;
  const resolve = (reason: string) => {
    c.steps.push(step(a, a.state === 'pending' ? 'cleared' : 'resolved', reason, 'resolved'));
    a.state = 'resolved';
    a.resolvedAt = now;
  };
  if (!rule) return resolve('its rule was deleted');
  if (!rule.enabled) return resolve(`rule ${rule.name} was disabled`);
  const what = o ? `${rule.metric} is ${formatValue(o.value)}` : `no ${rule.metric} reading for these labels`;
  if (a.state === 'pending')
    return resolve(`condition cleared before it held for ${formatDuration(rule.forMs)}: ${what}`);
  a.clearSince ??= now;
  if (now - a.clearSince >= input.resolveDelayMs)
    resolve(`condition clear for ${formatDuration(now - a.clearSince)}: ${what}`);
}

/** Silences in force mark the open alerts they match; an alert whose silence is over is unmarked. */
function applySilences(changes: AlertChange[], silences: readonly Silence[], now: number): void {
  for (const c of changes) {
    const a = c.alert;
    if (a.state === 'resolved') continue;
    const s = silences.find((x) => x.startsAt <= now && now < x.endsAt && matchesAll(x.matchers, matchLabels(a)));
    if (s && a.silencedBy !== s.id) {
      c.steps.push(step(a, 'silenced', `matches silence ${s.id} by ${s.createdBy.name}: ${s.comment}`));
      a.silencedBy = s.id;
    } else if (!s && a.silencedBy) {
      c.steps.push(step(a, 'unsilenced', `silence ${a.silencedBy} is over`));
      a.silencedBy = null;
    }
  }
}

/**
 * One evaluation pass, pure: the open alerts and this pass's readings in, the changes to write
 * out. An alert is written only when something changed: a step, a new reading, or a reading
 * that is due again for its chart (`ALERT_RESAMPLE_MS`). A thousand offline agents are a
 * thousand open alerts, and rewriting each on every pass would be most of the database's work.
 */
export function evaluatePass(input: PassInput): AlertChange[] {
  const { now } = input;
  const observed = observe(input);
  const rules = new Map(input.rules.map((r) => [r.id, r]));
  const changes: AlertChange[] = [];
  const known = new Set<string>();
  for (const open of input.open) {
    known.add(open.fingerprint);
    const c: AlertChange = {
      alert: { ...open },
      insert: false,
      expect: expectOf(open),
      steps: [],
    };
    const o = observed.get(open.fingerprint);
    if (o?.holds && o.rule.enabled) holding(c, o, now);
    else clearing(c, o, rules.get(open.ruleId), input);
    changes.push(c);
  }
  for (const [fp, o] of observed) {
    if (known.has(fp) || !o.holds) continue;
    const c = opened(o, now, input.newId());
    holding(c, o, now);
    changes.push(c);
  }
  const before = new Map(input.open.map((a) => [a.id, a]));
  for (const c of changes) {
    const o = observed.get(c.alert.fingerprint);
    const was = before.get(c.alert.id);
    if (!o || !(c.insert || resampleDue(c.alert, o.value, now))) {
      // The summary quotes the reading: it moves with the samples, not on every pass.
      if (was && !c.steps.length) c.alert.summary = was.summary;
      continue;
    }
    c.alert.value = o.value;
    c.alert.lastEvaluatedAt = now;
    c.sample = { at: now, value: o.value };
  }
  applySilences(changes, input.silences, now);
  applyInhibition(changes, rules, step);
  return changes.filter(
    (c) => c.insert || c.steps.length || c.sample || written(c.alert) !== written(before.get(c.alert.id)),
  );
}

/** What the engine may change of an open alert besides its samples (labels and ids are its identity). */
const written = (a: Alert | undefined) =>
  a &&
  JSON.stringify([
    a.state,
    a.severity,
    a.ruleName,
    a.summary,
    a.groupKey,
    a.firingAt,
    a.acknowledgedAt,
    a.resolvedAt,
    a.clearSince,
    a.silencedBy,
    a.inhibitedBy,
    a.assignee,
    a.value,
    a.lastEvaluatedAt,
  ]);

/**
 * `lastEvaluatedAt` is when the last sample was taken: a changed reading is sampled after
 * ALERT_SAMPLE_GAP_MS, an unchanged one after ALERT_RESAMPLE_MS (each plus up to a minute by
 * fingerprint, so a storm of alerts raised together does not resample in one pass).
 */
function resampleDue(a: Alert, value: number, now: number): boolean {
  let spread = 0;
  for (let i = 0; i < a.fingerprint.length; i++) spread = (spread * 31 + a.fingerprint.charCodeAt(i)) % 60_000;
  return now - a.lastEvaluatedAt >= (value === a.value ? ALERT_RESAMPLE_MS : ALERT_SAMPLE_GAP_MS) + spread;
}
