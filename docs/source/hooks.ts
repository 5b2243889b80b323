import { HOOK_EVENTS } from '@/server/core/hooks/catalogue';
import { HOLD_BACKOFF } from '@/server/core/hooks/reviewer';
import { defineSection, type OutputOf } from '../generate/doc-types';
import { ADMIN_ACTOR, TIME } from './examples';

type Hook = OutputOf<'hooks.list'>[number];
type Delivery = OutputOf<'hooks.redeliver'>;

const subscription: Hook = {
  id: 'hook_mwu6mub1a2b3c4d5e6f7',
  name: 'task-outcomes',
  kind: 'event',
  url: 'https://ci.example.com/flightdeck/events',
  patterns: ['task:*', 'alert:firing'],
  timeoutMs: 10_000,
  failMode: 'open',
  enabled: true,
  createdBy: ADMIN_ACTOR,
  createdAt: TIME.T0,
};
const gatekeeper: Hook = {
  ...subscription,
  id: 'hook_mwu6mub2b3c4d5e6f7a8',
  name: 'gatekeeper',
  kind: 'pre-assignment',
  url: 'https://policy.example.com/flightdeck/pre-assign',
  patterns: [],
  timeoutMs: 2_000,
  failMode: 'closed',
};
const succeeded = HOOK_EVENTS.find((e) => e.name === 'task:succeeded')!;
const body = JSON.stringify({
  id: '4812',
  event: 'task:succeeded',
  at: '2026-01-05T10:00:00.000Z',
  ...succeeded.example,
});
const delivery: Delivery = {
  id: 'dlv_mwu6mub9z8y7x6w5v4',
  targetKind: 'hook',
  targetId: subscription.id,
  subject: succeeded.example.subject,
  dedupeKey: '4812:task:succeeded',
  eventName: 'task:succeeded',
  eventPosition: 4812,
  body,
  replayOf: null,
  status: 'delivered',
  attempts: 1,
  nextAttemptAt: TIME.T0 + 1_000,
  lastAttemptAt: TIME.T0 + 1_000,
  responseStatus: 200,
  latencyMs: 84,
  responseExcerpt: 'ok',
  error: null,
  createdAt: TIME.T0 + 1_000,
};
const notFound = { NOT_FOUND: 'no hook with that id' };
const backoff = `${HOLD_BACKOFF.baseMs / 1000} s, doubling per hold in a row up to ${HOLD_BACKOFF.maxMs / 60_000} min`;

export default defineSection({
  doc: 'api',
  id: 'hooks',
  title: 'Hooks',
  page: '/hooks',
  intro: [
    'Webhook subscriptions to lifecycle events, and pre-assignment hooks asked before each assignment.',
    '',
    '**Event deliveries.** Each event is a signed POST (`Flightdeck-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, with the hook’s secret; `Flightdeck-Delivery` is the same on every retry) of `{"id", "event", "at", "subject", "data"}`. One subject’s deliveries (`task:<id>`, `agent:<id>`, `alert:<id>`, `pool:<id>`, `breaker:<key>`, `cluster`) arrive in order: a failing delivery holds back only its subject and is retried with backoff (1 s doubling up to 10 min apart) until the deliverer gives up on it after **12 attempts** (`FLIGHTDECK_DELIVERY_MAX_ATTEMPTS`, `FLIGHTDECK_DELIVERY_RETRY_BASE_MS`): it is then `failed` in `hooks.deliveries` with its attempts and the last response excerpt, and the subject’s next delivery is sent. Deliveries are queued by the leader from the event log, so none is lost across a restart or a change of leader; a receiver may see one twice (same `Flightdeck-Delivery`) and should drop it.',
    '',
    '**Events** (`hooks.catalogue` answers the same list with a whole example body each), with the `data` of an example:',
    '',
    ...HOOK_EVENTS.map(
      (e) =>
        `- \`${e.name}\` (from the log’s \`${e.from}\`; subject \`${e.example.subject.replace(/^breaker:.*$/, 'breaker:<key>').replace(/^(task|agent|alert|pool):.*$/, '$1:<id>')}\`) — ${e.description} \`${JSON.stringify(e.example.data)}\``,
    ),
    '',
    `**Pre-assignment hooks.** Before the dispatcher commits an assignment it POSTs \`{"id", "event": "pre-assignment", "at", "task": {id, title, capabilities, labels, priority, project}, "agent": {id, name, runtime, labels}}\` (signed the same way) and waits at most the hook’s \`timeoutMs\` (default 2 s, at most 10 s); a pass asks about all its assignments in parallel. The answer is \`{"allow": true}\`, \`{"allow": false, "reason": "…"}\` or \`{"allow": true, "amend": {"labels"?: {…}, "priority"?: "high", "note"?: "…"}}\` (labels are merged into the task’s). Anything else — an amend of the agent or the capabilities, a non-2xx answer, a timeout — follows the hook’s \`failMode\`: \`open\` assigns, \`closed\` holds the task like a veto. A held task is not offered again for ${backoff}; \`tasks.whyPending\` says \`vetoed by hook <name>: <reason>\` or \`hook <name> timed out (fail-closed)\` (code \`hook-held\`), and the decision record of its later assignment (\`hookNote\`) says \`amended by hook <name>: <note>\`, \`hook <name> timed out (fail-open)\` or the earlier veto.`,
    '',
    '**Plugins.** `FLIGHTDECK_PLUGINS=/path/plugin.mjs[,…]` loads modules whose default export is `{name, onEvent?(event), preAssign?(task, agent)}`: `onEvent` gets the same bodies as event deliveries, on every replica (best effort, in process: use a webhook where every event must arrive once), `preAssign` answers like a pre-assignment hook (fail-open, 2 s). A plugin that throws is logged and never stops dispatch.',
  ].join('\n'),
  procedures: {
    'hooks.list': {
      summary: 'Every hook, without its secret.',
      example: { output: [subscription, gatekeeper] },
    },
    'hooks.catalogue': {
      summary: 'The lifecycle events hooks and plugins can subscribe to, each with an example body.',
      example: {
        output: [
          {
            name: 'task:succeeded',
            description: succeeded.description,
            source: 'task:completed',
            example: { id: '4812', event: 'task:succeeded', at: '2026-01-05T10:00:00.000Z', ...succeeded.example },
          },
        ],
      },
      returns: '`{name, description, source, example}` per event: `source` is the event-log event it comes from.',
    },
    'hooks.create': {
      summary: 'Creates a hook and answers its signing secret, this once.',
      fields: {
        name: 'unique',
        kind: '`event` (default): a subscription; `pre-assignment`: asked before each assignment',
        url: 'http(s) URL the POSTs go to, no credentials in it; loopback, link-local and private addresses are refused unless the server runs with `FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS=1` (checked again on the address each request connects to)',
        patterns: 'event hooks: catalogue names, `task:*`-style namespaces or `*`',
        timeoutMs: 'how long a request may take: pre-assignment default 2000, event default 10000, at most 10000',
        failMode: 'pre-assignment hooks: `open` assigns when the hook fails, `closed` holds the task',
        enabled: '`false`: kept but not asked or sent to',
      },
      example: {
        input: { name: 'task-outcomes', url: subscription.url, patterns: ['task:*', 'alert:firing'] },
        output: { hook: subscription, secret: 'whsec_Q2hlY2sgdGhlIHNpZ25hdHVyZSBmaXJzdA' },
      },
      returns: '`{hook, secret}`: keep the secret to verify signatures; no other call shows it.',
      errors: {
        BAD_REQUEST: 'a pattern matching no catalogue event (the message names the field, `patterns[1]`)',
        CONFLICT: 'a hook with that name exists',
      },
    },
    'hooks.delete': {
      summary: 'Deletes a hook; its queued deliveries are not sent.',
      example: { input: { id: subscription.id }, output: { id: subscription.id } },
      errors: notFound,
    },
    'hooks.deliveries': {
      summary: 'A hook’s delivery log, newest first: status, attempts, response status, latency and excerpt.',
      fields: { cursor: '`nextCursor` of the previous page', limit: 'page size (default 50)' },
      example: { input: { id: subscription.id }, output: { items: [delivery], nextCursor: null } },
      errors: notFound,
    },
    'hooks.redeliver': {
      summary: 'Sends a delivery’s body again, as a new delivery (new id, `replayOf` the original).',
      example: {
        input: { deliveryId: delivery.id },
        output: {
          ...delivery,
          id: 'dlv_mwu6mubaa1b2c3d4e5',
          dedupeKey: 'replay:1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
          replayOf: delivery.id,
          status: 'pending',
          attempts: 0,
          lastAttemptAt: null,
          responseStatus: null,
          latencyMs: null,
          responseExcerpt: null,
          createdAt: TIME.T0 + 60_000,
          nextAttemptAt: TIME.T0 + 60_000,
        },
      },
      errors: { NOT_FOUND: 'no hook delivery with that id (or its hook is gone)' },
    },
  },
});
