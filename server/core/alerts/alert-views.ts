import { invalid } from '../errors';
import { type Alert, type AlertState, SEVERITIES, type Severity } from './alert-model';

/** An alert as lists show it (the samples and timeline come with `alerts.get`). */
export function alertItem(a: Alert) {
  return {
    id: a.id,
    rule: a.ruleName,
    ruleId: a.ruleId,
    state: a.state,
    severity: a.severity,
    labels: a.labels,
    summary: a.summary,
    startsAt: a.startsAt,
    firingAt: a.firingAt,
    acknowledgedAt: a.acknowledgedAt,
    acknowledgedBy: a.acknowledgedBy,
    assignee: a.assignee,
    resolvedAt: a.resolvedAt,
    silencedBy: a.silencedBy,
    inhibitedBy: a.inhibitedBy,
    value: a.value,
    groupKey: a.groupKey,
    fingerprint: a.fingerprint,
  };
}
export type AlertItem = ReturnType<typeof alertItem>;

type BySeverity = Record<Severity, number> & { total: number };
const empty = (): BySeverity => ({ critical: 0, warning: 0, info: 0, total: 0 });

/**
 * Open alerts by state and severity. `badge`: firing alerts neither silenced nor inhibited, what
 * the navigation shows (an acknowledged alert has someone on it).
 */
export function countsOf(rows: { state: AlertState; severity: Severity; muted: boolean; count: number }[]) {
  const out = { firing: empty(), acknowledged: empty(), pending: empty(), badge: 0 };
  for (const r of rows) {
    if (r.state === 'resolved' || !SEVERITIES.includes(r.severity)) continue;
    out[r.state][r.severity] += r.count;
    out[r.state].total += r.count;
    if (r.state === 'firing' && !r.muted) out.badge += r.count;
  }
  return out;
}

/** Open alerts are few and their order changes with state: a page is an offset into the ordered list. */
export const encodeOffset = (n: number) => Buffer.from(`o:${n}`).toString('base64url');

export function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw invalid('cursor: not a cursor this list answered');
  return Number(m[1]);
}
