import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  alertStep,
  backdateGroup,
  fireAlert,
  insertRule,
  logHead,
  notificationsCursor,
} from '@/server/testing/alert-rows';
import { adminPrincipal, callerAs, startTestRuntime, type TestRuntime } from '@/server/testing/test-runtime';
import { startWebhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';

const PUBLIC_URL = 'https://flightdeck.example.com';
// The alerts here are written by the test, not raised by the rules: the evaluator passes only when a
// term starts, and an alert whose condition is clear is left firing (resolve delay 1 h).
const QUIET_ENGINE = { FLIGHTDECK_ALERT_EVAL_MS: '600000', FLIGHTDECK_ALERT_RESOLVE_DELAY_MS: '3600000' };
let rt: TestRuntime;
let rx: WebhookReceiver;
beforeAll(async () => {
  [rt, rx] = await Promise.all([
    startTestRuntime({ FLIGHTDECK_PUBLIC_URL: PUBLIC_URL, ...QUIET_ENGINE }),
    startWebhookReceiver(),
  ]);
});
afterAll(async () => {
  await rt?.dispose();
  await rx?.close();
});
beforeEach(() => {
  rx.requests.length = 0;
  rx.respond = null;
  rx.failNext(0);
});

const admin = () => callerAs(rt, adminPrincipal);
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** A channel that hears only the alerts of one test (labelled `suite=<name>`). */
async function channel(r: TestRuntime, name: string, type: 'webhook' | 'slack' | 'alertmanager-webhook', extra = {}) {
  const c = await callerAs(r, adminPrincipal).channels.create({
    name,
    type,
    url: rx.url,
    matchers: [{ name: 'suite', value: name, op: '=' }],
    repeatIntervalMs: 3_600_000,
    ...extra,
  });
  rx.secret = c.secret;
  return c;
}

const tickCount = (r: TestRuntime, loop: string) => r.core.loopSnapshots().find((l) => l.name === loop)!.ticks;
/** Every event so far handled by notifications, and the deliverer has looked twice since: nothing more is coming. */
async function settled(r: TestRuntime) {
  const head = await logHead(r);
  await expect.poll(() => notificationsCursor(r), { timeout: 10_000 }).toBeGreaterThanOrEqual(head);
  for (const loop of ['notifications', 'deliverer']) {
    const from = tickCount(r, loop);
    await expect.poll(() => tickCount(r, loop), { timeout: 10_000 }).toBeGreaterThanOrEqual(from + 2);
  }
}
const received = (n: number) => expect.poll(() => rx.requests.length, { timeout: 15_000 }).toBe(n);

describe('notifications', () => {
  it('alertmanager-webhook: the body Alertmanager sends its receivers (version 4), field by field, signed', async () => {
    await insertRule(rt, { id: 'rule_gpu', name: 'GpuQueueDeep', groupBy: ['capability'] });
    const c = await channel(rt, 'am.receiver', 'alertmanager-webhook', {
      matchers: [{ name: 'suite', value: 'am', op: '=' }],
    });
    const a = await fireAlert(rt, {
      rule: 'GpuQueueDeep',
      ruleId: 'rule_gpu',
      groupKey: 'rule_gpu:{capability="gpu"}',
      labels: { suite: 'am', capability: 'gpu' },
      severity: 'critical',
      summary: '12 tasks queued for gpu',
    });
    await received(1);
    const first = rx.requests[0]!;
    expect(first).toMatchObject({ method: 'POST', signatureValid: true, eventName: 'alert:firing' });
    const body = first.json();
    const labels = { alertname: 'GpuQueueDeep', capability: 'gpu', severity: 'critical', suite: 'am' };
    expect(body).toEqual({
      receiver: 'am\\.receiver',
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels,
          annotations: { summary: '12 tasks queued for gpu' },
          startsAt: expect.stringMatching(RFC3339),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: `${PUBLIC_URL}/alerts?id=${a.id}`,
          fingerprint: a.fingerprint,
        },
      ],
      groupLabels: { alertname: 'GpuQueueDeep', capability: 'gpu' },
      commonLabels: labels,
      commonAnnotations: { summary: '12 tasks queued for gpu' },
      externalURL: PUBLIC_URL,
      version: '4',
      groupKey: 'rule_gpu:{capability="gpu"}',
      truncatedAlerts: 0,
      notification_reason: 'first notification',
    });
    // What Go's json decoder needs for template.Data: maps of strings, an unsigned integer, parseable times.
    for (const m of [body.groupLabels, body.commonLabels, body.commonAnnotations, body.alerts[0].labels])
      expect(Object.values(m).every((v) => typeof v === 'string')).toBe(true);
    expect(Number.isInteger(body.truncatedAlerts) && body.truncatedAlerts >= 0).toBe(true);

    await alertStep(rt, a.id, 'resolved');
    await received(2);
    const resolved = rx.requests[1]!.json();
    expect(rx.requests[1]).toMatchObject({ eventName: 'alert:resolved', signatureValid: true });
    expect(rx.requests[1]!.deliveryId).not.toBe(first.deliveryId);
    expect(resolved).toMatchObject({ status: 'resolved', notification_reason: 'all alerts resolved', version: '4' });
    expect(resolved.alerts).toEqual([
      expect.objectContaining({
        status: 'resolved',
        endsAt: expect.stringMatching(RFC3339),
        fingerprint: a.fingerprint,
      }),
    ]);
    expect(Date.parse(resolved.alerts[0].endsAt)).toBeGreaterThanOrEqual(Date.parse(resolved.alerts[0].startsAt));
    await expect
      .poll(async () => (await admin().channels.deliveries({ id: c.id })).items.map((d) => [d.eventName, d.status]))
      .toEqual([
        ['alert:resolved', 'delivered'],
        ['alert:firing', 'delivered'],
      ]);
  });

  it('a receiver that answers 500 gets the same delivery again (same Flightdeck-Delivery id); the log says 2 attempts', async () => {
    const c = await channel(rt, 'retry', 'webhook');
    rx.failNext(1);
    const a = await fireAlert(rt, {
      rule: 'AgentOffline',
      groupKey: 'retry:g',
      labels: { suite: 'retry', agent: 'w-1' },
    });
    await received(2);
    expect(rx.requests.map((r) => r.deliveryId)).toEqual([rx.requests[0]!.deliveryId, rx.requests[0]!.deliveryId]);
    expect(rx.requests[1]!.body).toBe(rx.requests[0]!.body);
    expect(rx.requests[1]!.signatureValid).toBe(true);
    await expect
      .poll(async () => (await admin().channels.deliveries({ id: c.id })).items)
      .toEqual([
        expect.objectContaining({
          id: rx.requests[0]!.deliveryId,
          status: 'delivered',
          attempts: 2,
          responseStatus: 200,
        }),
      ]);
    // The generic webhook format.
    expect(rx.requests[0]!.json()).toEqual({
      version: '1',
      status: 'firing',
      reason: 'first notification',
      channel: 'retry',
      groupKey: 'retry:g',
      rule: 'AgentOffline',
      groupLabels: { alertname: 'AgentOffline' },
      commonLabels: { suite: 'retry', agent: 'w-1', alertname: 'AgentOffline', severity: 'warning' },
      alerts: [
        {
          id: a.id,
          status: 'firing',
          state: 'firing',
          rule: 'AgentOffline',
          severity: 'warning',
          summary: 'AgentOffline fires',
          labels: { suite: 'retry', agent: 'w-1', alertname: 'AgentOffline', severity: 'warning' },
          fingerprint: a.fingerprint,
          startsAt: expect.stringMatching(RFC3339),
          endsAt: null,
          url: `${PUBLIC_URL}/alerts?id=${a.id}`,
        },
      ],
      externalURL: PUBLIC_URL,
    });
  });

  it('one notification per group per repeat interval (alerts that joined go in the next), and one when it resolves (slack)', async () => {
    const c = await channel(rt, 'grouped', 'slack');
    const g = 'grouped:queue';
    const a = await fireAlert(rt, { rule: 'QueueDeep', groupKey: g, labels: { suite: 'grouped', capability: 'a' } });
    const b = await fireAlert(rt, { rule: 'QueueDeep', groupKey: g, labels: { suite: 'grouped', capability: 'b' } });
    await received(1);
    await settled(rt);
    expect(rx.requests).toHaveLength(1);
    const first = rx.requests[0]!.json();
    expect(first.text).toMatch(/^\[FIRING:[12]\] QueueDeep/);
    expect(first.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: expect.stringContaining('QueueDeep') },
    });

    await backdateGroup(rt, c.id, g, 3_600_000);
    await received(2);
    const repeat = rx.requests[1]!.json();
    expect(repeat.text).toBe('[FIRING:2] QueueDeep');
    expect(repeat.blocks).toHaveLength(3);
    expect(JSON.stringify(repeat.blocks)).toContain(`${PUBLIC_URL}/alerts?id=${b.id}`);
    await settled(rt);
    expect(rx.requests).toHaveLength(2);

    await alertStep(rt, a.id, 'resolved');
    await settled(rt);
    expect(rx.requests).toHaveLength(2); // b still fires: the group has not resolved
    await alertStep(rt, b.id, 'resolved');
    await received(3);
    expect(rx.requests[2]!.json().text).toBe('[RESOLVED:2] QueueDeep');
    expect(new Set(rx.requests.map((r) => r.deliveryId)).size).toBe(3);
    await settled(rt);
    expect(rx.requests).toHaveLength(3);
  });

  it('a group whose only firing alert is silenced sends nothing; once the silence lifts it is sent', async () => {
    const c = await channel(rt, 'silenced', 'webhook');
    const silence = await admin().alerts.silence({
      matchers: [{ name: 'suite', value: 'silenced', op: '=' }],
      durationMs: 3_600_000,
      comment: 'maintenance',
    });
    const a = await fireAlert(rt, {
      rule: 'BreakerOpen',
      groupKey: 'silenced:g',
      labels: { suite: 'silenced' },
      silencedBy: silence.id,
    });
    await settled(rt);
    expect(rx.requests).toHaveLength(0);
    expect((await admin().channels.deliveries({ id: c.id })).items).toEqual([]);
    // The engine notices the silence has ended and unsilences the alert: then it is sent.
    await admin().alerts.expireSilence({ id: silence.id });
    await received(1);
    expect(rx.requests[0]!.json()).toMatchObject({ status: 'firing', alerts: [{ id: a.id }] });
  });

  it('routes by severity: a channel for critical alerts hears nothing of a warning', async () => {
    await channel(rt, 'critical-only', 'webhook', { severities: ['critical'] });
    await fireAlert(rt, { rule: 'Ctx', groupKey: 'sev:g', labels: { suite: 'critical-only' }, severity: 'warning' });
    await settled(rt);
    expect(rx.requests).toHaveLength(0);
    await fireAlert(rt, { rule: 'Ctx2', groupKey: 'sev:g2', labels: { suite: 'critical-only' }, severity: 'critical' });
    await received(1);
  });

  it('an acknowledged alert is not repeated; its group still resolves once', async () => {
    const c = await channel(rt, 'acked', 'webhook');
    const a = await fireAlert(rt, { rule: 'Stuck', groupKey: 'acked:g', labels: { suite: 'acked' } });
    await received(1);
    await alertStep(rt, a.id, 'acknowledged');
    await backdateGroup(rt, c.id, 'acked:g', 3_600_000);
    await settled(rt);
    expect(rx.requests).toHaveLength(1);
    await alertStep(rt, a.id, 'resolved');
    await received(2);
    expect(rx.requests[1]!.json()).toMatchObject({ status: 'resolved', alerts: [{ id: a.id, status: 'resolved' }] });
  });
});

if (process.env.DATABASE_URL) {
  describe('across a graceful leader change', () => {
    let other: TestRuntime;
    afterAll(async () => {
      await other?.dispose();
    });

    it('a send in flight is finished by the old leader; the repeat and the resolve come from the new one, none twice', async () => {
      const lease = { FLIGHTDECK_LEASE_TTL_MS: '2000', FLIGHTDECK_PUBLIC_URL: PUBLIC_URL, ...QUIET_ENGINE };
      other = await startTestRuntime(lease, { replicaOf: rt });
      expect(rt.core.leadership.isLeader).toBe(true);
      const c = await channel(rt, 'handover', 'webhook');
      rx.respond = (_req, i) => (i === 0 ? { status: 200, body: 'ok', delayMs: 1_000 } : { status: 200, body: 'ok' });
      const a = await fireAlert(rt, { rule: 'Handover', groupKey: 'handover:g', labels: { suite: 'handover' } });
      await received(1); // arrived; its answer is held back a second
      await rt.stop();
      await expect.poll(() => other.core.leadership.isLeader, { timeout: 10_000 }).toBe(true);
      const log = await callerAs(other, adminPrincipal).channels.deliveries({ id: c.id });
      expect(log.items).toEqual([expect.objectContaining({ status: 'delivered', attempts: 1 })]);

      await backdateGroup(other, c.id, 'handover:g', 3_600_000);
      await received(2);
      await alertStep(other, a.id, 'resolved');
      await received(3);
      await settled(other);
      expect(rx.requests.map((r) => r.json().reason)).toEqual([
        'first notification',
        'repeat interval elapsed',
        'all alerts resolved',
      ]);
      expect(new Set(rx.requests.map((r) => r.deliveryId)).size).toBe(3);
      expect(rx.requests.every((r) => r.signatureValid)).toBe(true);
    });
  });
}
