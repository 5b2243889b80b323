import { defineSection, type OutputOf } from '../generate/doc-types';
import { ADMIN_ACTOR, TIME } from './examples';

type Channel = OutputOf<'channels.list'>[number];

const channel: Channel = {
  id: 'chn_mwu6mub1a2b3c4d5e6f7',
  name: 'ops-alertmanager',
  type: 'alertmanager-webhook',
  url: 'https://alerts.example.com/flightdeck',
  severities: ['critical', 'warning'],
  matchers: [{ name: 'team', op: '=', value: 'platform' }],
  repeatIntervalMs: 14_400_000,
  enabled: true,
  createdBy: ADMIN_ACTOR,
  createdAt: TIME.T0,
  updatedAt: TIME.T0,
};
const SECRET = 'whsec_3q2-7wHk9cV1xY0aBcDeFgHiJkLmNoPq';
const byId = { id: channel.id };
const notFound = { NOT_FOUND: 'no channel with that id' };

const fields = {
  name: 'unique; an `alertmanager-webhook` receiver sees it as `receiver`',
  type: '`webhook` (Flightdeck’s JSON, below), `slack` (an incoming-webhook message) or `alertmanager-webhook` (the body Alertmanager sends its receivers, `version: "4"`)',
  url: 'http or https, no credentials in it; loopback, link-local and private addresses are refused unless the server runs with `FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS=1` (checked again on the address each request connects to)',
  severities: 'severities routed here: `critical`, `warning`, `info` (empty: all)',
  matchers:
    'label matchers that must all hold on the alert’s labels (with `alertname` = the rule and `severity`): `op` is `=`, `!=`, `=~` or `!~` (anchored regular expressions)',
  'matchers[].name': 'label name',
  'matchers[].value': 'value, or regular expression for `=~` / `!~`',
  'matchers[].op': '`=` (default), `!=`, `=~`, `!~`',
  repeatIntervalMs: 'a group still firing is sent again at most this often (default 4 h, at least 10 s)',
  enabled: '`false`: nothing is sent and its queued deliveries fail',
};

const delivery = {
  id: 'dlv_00mwu6mub0001a1b2c3d4',
  eventName: 'alert:firing',
  status: 'delivered' as const,
  attempts: 2,
  responseStatus: 200,
  latencyMs: 84,
  responseExcerpt: 'ok',
  error: null,
  createdAt: TIME.T0,
  lastAttemptAt: TIME.T0 + 1_400,
  nextAttemptAt: null,
};

export default defineSection({
  doc: 'api',
  id: 'channels',
  title: 'Notification channels',
  page: '/alerts',
  intro: [
    'Where alert notifications go. Per channel and alert group (the alert’s `groupKey`: its rule and the rule’s group-by labels) a channel is told **once when the group starts firing**, **again at most once per `repeatIntervalMs`** while alerts in it still fire (alerts that joined since are in that next message), and **once when the whole group has resolved**. Silenced and inhibited alerts are not sent: a group whose only firing alerts are silenced sends nothing (it is sent when the silence lifts). **Acknowledged alerts are not repeated**; their group still sends its resolve. A channel created while a group fires hears of it at the group’s next change.',
    '',
    'Every request is a `POST` with `Content-Type: application/json`, `User-Agent: Flightdeck/<version>`, `Flightdeck-Event` (`alert:firing`, `alert:resolved`, `channel:test`), `Flightdeck-Delivery` (the delivery’s id: **the same on every retry**, so drop a duplicate you have seen) and `Flightdeck-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` keyed with the channel’s secret. A 2xx answer delivers it (`slack`: 200 with the body `ok`, as Slack answers); anything else (a 3xx too: redirects are not followed) is retried after 1 s, 2 s, 4 s … up to 10 min apart, **12 attempts** in all (about half an hour; `FLIGHTDECK_DELIVERY_MAX_ATTEMPTS`, `FLIGHTDECK_DELIVERY_RETRY_BASE_MS`), then the delivery is `failed`. Deliveries of one group are sent in order, and a failing one holds back only its group. Responses are read up to 64 KiB; the log keeps the first 1 KiB. Each request times out after 10 s.',
    '',
    'Verify a request (reject a `t` older than 300 s), Node:',
    '',
    '```js',
    "const { createHmac, timingSafeEqual } = require('node:crypto');",
    'function verify(secret, rawBody, header, nowMs = Date.now()) {',
    "  const p = Object.fromEntries(header.split(',').map((kv) => kv.split('=', 2)));",
    '  const t = Number(p.t);',
    '  if (!Number.isInteger(t) || !p.v1 || Math.abs(nowMs / 1000 - t) > 300) return false;',
    "  const want = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();",
    "  const got = Buffer.from(p.v1, 'hex');",
    '  return got.length === want.length && timingSafeEqual(got, want);',
    '}',
    '```',
    '',
    'Python:',
    '',
    '```python',
    'import hashlib, hmac, time',
    'def verify(secret: str, raw_body: bytes, header: str, now: float | None = None) -> bool:',
    '    p = dict(kv.split("=", 1) for kv in header.split(",") if "=" in kv)',
    '    try: t = int(p["t"])',
    '    except (KeyError, ValueError): return False',
    '    if abs((now or time.time()) - t) > 300 or "v1" not in p: return False',
    '    want = hmac.new(secret.encode(), f"{t}.".encode() + raw_body, hashlib.sha256).hexdigest()',
    '    return hmac.compare_digest(want, p["v1"])',
    '```',
    '',
    'Use the raw body bytes as received, not re-serialised JSON.',
    '',
    '**`webhook` body** (`version: "1"`): `{version, status: "firing"|"resolved", reason: "first notification"|"repeat interval elapsed"|"all alerts resolved"|"test", channel, groupKey, rule, groupLabels, commonLabels, alerts: [{id, status, state, rule, severity, summary, labels, fingerprint, startsAt, endsAt (null while open), url}], externalURL}`; times are RFC 3339, `url` is the alert’s page `<FLIGHTDECK_PUBLIC_URL>/alerts?id=<id>`.',
    '',
    '**`alertmanager-webhook` body**: exactly Alertmanager’s webhook payload, version 4: `{receiver, status, alerts: [{status, labels, annotations: {summary}, startsAt, endsAt, generatorURL, fingerprint}], groupLabels, commonLabels, commonAnnotations, externalURL, version: "4", groupKey, truncatedAlerts: 0, notification_reason}`. `labels` include `alertname` (the rule) and `severity`; `endsAt` is `0001-01-01T00:00:00Z` while an alert fires; `generatorURL` links to the alert’s page; `receiver` is the channel name with regular-expression metacharacters backslash-escaped (as Alertmanager does).',
    '',
    '**`slack` body**: `{text, blocks}`: `text` (`[FIRING:2] QueueDeep`) is the notification fallback, `blocks` a section per alert (at most 20, then “and N more”) with a link to its page.',
  ].join('\n'),
  procedures: {
    'channels.list': {
      summary: 'Every channel, by name; never their secrets.',
      example: { output: [channel] },
    },
    'channels.create': {
      summary: 'Creates a channel and answers its signing secret: the only time it is shown.',
      fields,
      example: {
        input: {
          name: 'ops-alertmanager',
          type: 'alertmanager-webhook',
          url: 'https://alerts.example.com/flightdeck',
          severities: ['critical', 'warning'],
          matchers: [{ name: 'team', op: '=', value: 'platform' }],
        },
        output: { ...channel, secret: SECRET },
      },
      returns: 'the channel with `secret` (`whsec_…`): store it now, no call shows it again.',
      errors: {
        BAD_REQUEST: 'a field out of range: the message starts with its name (`url: …`)',
        CONFLICT: 'a channel with that name exists',
      },
    },
    'channels.update': {
      summary: 'Changes a channel: the fields sent change, the others keep their values.',
      fields: {
        id: 'the channel’s id',
        ...fields,
        rotateSecret: '`true`: a new secret replaces the old one at once and is answered this once',
      },
      example: {
        input: { id: channel.id, repeatIntervalMs: 3_600_000, rotateSecret: true },
        output: { ...channel, repeatIntervalMs: 3_600_000, updatedAt: TIME.T0 + 60_000, secret: SECRET },
      },
      returns: 'the channel; with `secret` only when `rotateSecret` was sent.',
      errors: { ...notFound, CONFLICT: 'another channel has that name' },
    },
    'channels.delete': {
      summary: 'Deletes a channel; its queued deliveries fail (“deleted”).',
      example: { input: byId, output: { deleted: true } },
      errors: notFound,
    },
    'channels.test': {
      summary: 'Sends a signed sample notification now, in the channel’s format, and answers how it went.',
      details:
        'Sent once from the server that takes the call, never retried, and written to the delivery log as `channel:test`. The sample is a firing `info` alert of rule `FlightdeckTestNotification` (`reason`/`notification_reason` say `test`/`unknown`).',
      example: {
        input: byId,
        output: {
          deliveryId: delivery.id,
          delivered: true,
          responseStatus: 200,
          latencyMs: 84,
          responseExcerpt: 'ok',
          error: null,
        },
      },
      returns:
        '`delivered` (a 2xx came back), the response’s status and first 1 KiB, or `error` (refused address, timeout, connection error).',
      errors: notFound,
    },
    'channels.deliveries': {
      summary: 'The channel’s delivery log, newest first: each request with its status, attempts and last answer.',
      fields: { cursor: '`nextCursor` of the previous page', limit: 'rows per page (default 50)' },
      example: { input: byId, output: { items: [delivery], nextCursor: null } },
      returns:
        '`items`: `status` `pending` (its next attempt at `nextAttemptAt`), `delivered` or `failed` (gave up, or the channel is gone or disabled: `error` says which); `responseExcerpt` is the first 1 KiB of the last answer. `nextCursor` is null on the last page.',
      errors: notFound,
    },
  },
});
