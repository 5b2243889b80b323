import { createHash } from 'node:crypto';
import type { Alert, AlertRule, Comparison, Labels } from './alert-model';

/** The same rule over the same labels is the same alert: hash of the rule id and the sorted labels. */
export function fingerprintOf(ruleId: string, labels: Labels): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((k) => [k, labels[k]]);
  return createHash('sha256')
    .update(JSON.stringify([ruleId, sorted]))
    .digest('hex')
    .slice(0, 16);
}

/** Alerts of one rule that agree on its `groupBy` labels notify together: `builtin:queue-depth{capability="gpu"}`. */
export function groupKeyOf(rule: Pick<AlertRule, 'id' | 'groupBy'>, labels: Labels): string {
  const parts = [...rule.groupBy].sort().map((k) => `${k}=${JSON.stringify(labels[k] ?? '')}`);
  return `${rule.id}{${parts.join(',')}}`;
}

export function compare(value: number, op: Comparison, threshold: number): boolean {
  switch (op) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '==':
      return value === threshold;
    case '!=':
      return value !== threshold;
  }
}

/** 3, 12.5, 0.33: a reading as a sentence shows it. */
export const formatValue = (v: number): string => (Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100));

/** Fills `{{value}}` and `{{labels.x}}` (a missing label reads as ""). */
export function renderSummary(template: string, labels: Labels, value: number): string {
  return template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, key: string) => {
    if (key === 'value') return formatValue(value);
    const m = /^labels\.(\w+)$/.exec(key);
    return m ? (labels[m[1]] ?? '') : '';
  });
}

/** What silences match against: the alert's labels plus its rule's name and its severity. */
export const matchLabels = (a: Pick<Alert, 'labels' | 'ruleName' | 'severity'>): Labels => ({
  alertname: a.ruleName,
  severity: a.severity,
  ...a.labels,
});

export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 360_000) / 10} h`;
}
