import type { ActorRef } from '../access/actor';
import {
  ALERT_SAMPLES_KEPT,
  type Alert,
  type AlertRule,
  type AlertTransition,
  type Reading,
  type Silence,
} from '../alerts/alert-model';
import type { AlertStore } from '../alerts/ports';
import { readingKey } from '../alerts/metric-catalogue';

const STATE_RANK = { firing: 0, acknowledged: 1, pending: 2, resolved: 3 } as const;
const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;

/**
 * The alert store in memory, for core tests: the same guarded writes as the database adapter (an
 * update applies only while the alert is as read). `readingsNow` is what the next pass reads.
 */
export class MemoryAlertStore implements AlertStore {
  rules = new Map<string, AlertRule>();
  alerts = new Map<string, Alert>();
  transitions: AlertTransition[] = [];
  silences = new Map<string, Silence>();
  readingsNow: Reading[] = [];
  queued = new Map<string, string[]>();

  readings = {
    read: async (requests: { metric: string; params: Record<string, number> }[]) =>
      new Map(
        requests.map((r) => [readingKey(r.metric, r.params), this.readingsNow.filter((x) => x.metric === r.metric)]),
      ),
  };

  async listRules() {
    return [...this.rules.values()];
  }
  async getRule(id: string) {
    return this.rules.get(id) ?? null;
  }
  async seedRules(rules: Parameters<AlertStore['seedRules']>[0]) {
    for (const r of rules)
      if (!this.rules.has(r.id))
        this.rules.set(r.id, {
          filters: [],
          labels: {},
          params: {},
          ...r,
          builtin: true,
          enabled: true,
          createdBy: null,
          updatedBy: null,
          createdAt: 0,
          updatedAt: 0,
        });
  }
  async createRule(rule: Parameters<AlertStore['createRule']>[0]) {
    if ([...this.rules.values()].some((r) => r.name === rule.name)) return null;
    const full = { ...rule, updatedBy: rule.createdBy, createdAt: 0, updatedAt: 0 };
    this.rules.set(rule.id, full);
    return full;
  }
  async updateRule(id: string, patch: Partial<AlertRule>, by: ActorRef) {
    const r = this.rules.get(id);
    if (!r) return null;
    const next = { ...r, ...patch, id, updatedBy: by };
    this.rules.set(id, next);
    return next;
  }
  async deleteRule(id: string) {
    return this.rules.delete(id);
  }

  async openAlerts() {
    return [...this.alerts.values()].filter((a) => a.state !== 'resolved');
  }
  async getAlert(id: string) {
    return this.alerts.get(id) ?? null;
  }
  async listAlerts(q: Parameters<AlertStore['listAlerts']>[0]) {
    return [...this.alerts.values()]
      .filter((a) => (!q.states.length || q.states.includes(a.state)) && (!q.severity || a.severity === q.severity))
      .sort(
        (a, b) =>
          STATE_RANK[a.state] - STATE_RANK[b.state] ||
          SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
          b.startsAt - a.startsAt,
      )
      .slice(q.offset, q.offset + q.limit);
  }
  async countOpen() {
    return (await this.openAlerts()).map((a) => ({
      state: a.state,
      severity: a.severity,
      muted: !!(a.silencedBy || a.inhibitedBy),
      count: 1,
    }));
  }
  async timeline(alertId: string) {
    return this.transitions.filter((t) => t.alertId === alertId);
  }
  async apply(changes: Parameters<AlertStore['apply']>[0]) {
    const written: string[] = [];
    for (const c of changes) {
      const current = this.alerts.get(c.alert.id);
      if (c.insert && (current || (await this.openAlerts()).some((a) => a.fingerprint === c.alert.fingerprint)))
        continue;
      const e = c.expect;
      if (
        !c.insert &&
        (!current ||
          (e && (current.state !== e.state || current.silencedBy !== e.silencedBy || current.assignee !== e.assignee)))
      )
        continue;
      const samples = [...(current?.samples ?? []), ...(c.sample ? [c.sample] : [])].slice(-ALERT_SAMPLES_KEPT);
      this.alerts.set(c.alert.id, { ...structuredClone(c.alert), samples });
      for (const s of c.steps)
        this.transitions.push({
          ...s,
          note: s.note ?? null,
          id: this.transitions.length + 1,
          alertId: c.alert.id,
          at: c.alert.lastEvaluatedAt,
        });
      written.push(c.alert.id);
    }
    return written;
  }
  async queuedTaskIds(capability: string, limit: number) {
    return (this.queued.get(capability) ?? []).slice(0, limit);
  }

  async createSilence(s: Silence) {
    this.silences.set(s.id, s);
    return s;
  }
  async listSilences({ includeExpired, at }: { includeExpired: boolean; at: number }) {
    return [...this.silences.values()].filter((s) => includeExpired || (s.startsAt <= at && at < s.endsAt));
  }
  async getSilence(id: string) {
    return this.silences.get(id) ?? null;
  }
  async expireSilence(id: string, by: ActorRef, at: number) {
    const s = this.silences.get(id);
    if (!s) return null;
    const next = { ...s, endsAt: Math.min(s.endsAt, at), expiredBy: by };
    this.silences.set(id, next);
    return next;
  }
}
