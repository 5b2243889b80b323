import { alertLabels, alertStatus, alertUrl, common, groupLabels, type Notification } from '../notification';

/**
 * The `webhook` channel's body (documented in docs/source/channels.ts): one alert group, its
 * status, why it is sent now, and each alert with a link to its page.
 */
export function genericPayload(n: Notification) {
  const first = n.alerts[0];
  return {
    version: '1',
    status: n.status,
    reason: n.reason,
    channel: n.channel.name,
    groupKey: n.groupKey,
    rule: first?.rule ?? null,
    groupLabels: groupLabels(n),
    commonLabels: common(n.alerts.map(alertLabels)),
    alerts: n.alerts.map((a) => ({
      id: a.id,
      status: alertStatus(a),
      state: a.state,
      rule: a.rule,
      severity: a.severity,
      summary: a.summary,
      labels: alertLabels(a),
      fingerprint: a.fingerprint,
      startsAt: new Date(a.firingAt ?? a.startsAt).toISOString(),
      endsAt: a.resolvedAt === null ? null : new Date(a.resolvedAt).toISOString(),
      url: alertUrl(n.publicUrl, a),
    })),
    externalURL: n.publicUrl,
  };
}
