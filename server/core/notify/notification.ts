import type { Channel, GroupAlert } from './ports';

export type NotificationReason = 'first notification' | 'repeat interval elapsed' | 'all alerts resolved' | 'test';

/** One message to one channel about one alert group: what every format renders. */
export interface Notification {
  status: 'firing' | 'resolved';
  reason: NotificationReason;
  groupKey: string;
  channel: Pick<Channel, 'id' | 'name' | 'type'>;
  alerts: GroupAlert[];
  /** The labels the group's rule groups by. */
  groupBy: string[];
  /** The dashboard's address (`FLIGHTDECK_PUBLIC_URL`): links go there. */
  publicUrl: string;
}

/** An alert's labels as channels match and show them: its own, plus `alertname` (the rule) and `severity`. */
export const alertLabels = (a: Pick<GroupAlert, 'labels' | 'rule' | 'severity'>): Record<string, string> => ({
  ...a.labels,
  alertname: a.rule,
  severity: a.severity,
});

export const alertStatus = (a: GroupAlert): 'firing' | 'resolved' => (a.state === 'resolved' ? 'resolved' : 'firing');

/** The alert's page on the dashboard. */
export const alertUrl = (publicUrl: string, a: GroupAlert) =>
  `${publicUrl.replace(/\/+$/, '')}/alerts?id=${encodeURIComponent(a.id)}`;

/** The pairs every map shares (Alertmanager's commonLabels / commonAnnotations). */
export function common(maps: Record<string, string>[]): Record<string, string> {
  if (!maps.length) return {};
  const [first, ...rest] = maps;
  return Object.fromEntries(Object.entries(first!).filter(([k, v]) => rest.every((m) => m[k] === v)));
}

/** `alertname` and the rule's group-by labels, with the values the group's alerts share. */
export function groupLabels(n: Notification): Record<string, string> {
  const shared = common(n.alerts.map(alertLabels));
  const keys = ['alertname', ...n.groupBy];
  return Object.fromEntries(keys.filter((k) => k in shared).map((k) => [k, shared[k]!]));
}

export const sortedKeys = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
