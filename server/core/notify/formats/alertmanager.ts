import {
  alertLabels,
  alertStatus,
  alertUrl,
  common,
  groupLabels,
  sortedKeys,
  type Notification,
} from '../notification';

/** Go's time.Time zero value: what Alertmanager sends as `endsAt` while an alert fires. */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/** Go's regexp.QuoteMeta: Alertmanager passes the receiver name through it. */
export const quoteMeta = (s: string) => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');

const rfc3339 = (ms: number) => new Date(ms).toISOString();

/**
 * Exactly the body Alertmanager POSTs to a webhook receiver (`version: "4"`), so receivers
 * written for Alertmanager read Flightdeck's alerts unchanged.
 */
export function alertmanagerPayload(n: Notification) {
  const alerts = n.alerts.map((a) => ({
    status: alertStatus(a),
    labels: sortedKeys(alertLabels(a)),
    annotations: { summary: a.summary },
    startsAt: rfc3339(a.firingAt ?? a.startsAt),
    endsAt: a.state === 'resolved' && a.resolvedAt !== null ? rfc3339(a.resolvedAt) : GO_ZERO_TIME,
    generatorURL: alertUrl(n.publicUrl, a),
    fingerprint: a.fingerprint,
  }));
  return {
    receiver: quoteMeta(n.channel.name),
    status: n.status,
    alerts,
    groupLabels: sortedKeys(groupLabels(n)),
    commonLabels: sortedKeys(common(alerts.map((a) => a.labels))),
    commonAnnotations: common(alerts.map((a) => a.annotations)),
    externalURL: n.publicUrl,
    version: '4',
    groupKey: n.groupKey,
    truncatedAlerts: 0,
    notification_reason: n.reason === 'test' ? 'unknown' : n.reason,
  };
}
