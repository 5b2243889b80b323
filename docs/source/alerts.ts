import { defineSection, type OutputOf } from '../generate/doc-types';
import { ADMIN_ACTOR, TIME } from './examples';

type Item = OutputOf<'alerts.list'>['items'][number];

const OPERATOR = { kind: 'user' as const, id: 'usr_mwu6mu0alice000000', name: 'alice' };
const EVALUATOR = { kind: 'system' as const, id: 'alert-evaluator', name: 'alert evaluator' };

const alert: Item = {
  id: 'alt_mwu6mub1a2b3c4d5e6f7',
  rule: 'No capable agent',
  ruleId: 'builtin:no-capable-agent',
  state: 'firing',
  severity: 'critical',
  labels: { capability: 'gpu' },
  summary: '3 queued tasks need gpu, and no healthy agent has it',
  startsAt: TIME.T0,
  firingAt: TIME.T0 + 30_000,
  acknowledgedAt: null,
  acknowledgedBy: null,
  assignee: null,
  resolvedAt: null,
  silencedBy: null,
  inhibitedBy: null,
  value: 3,
  groupKey: 'builtin:no-capable-agent{capability="gpu"}',
  fingerprint: '5f0c8e2a41d9b7c3',
};
const acked: Item = { ...alert, state: 'acknowledged', acknowledgedAt: TIME.T0 + 60_000, acknowledgedBy: OPERATOR };
const byId = { id: alert.id };
const notFound = { NOT_FOUND: 'no alert with that id' };
const rule: OutputOf<'alerts.rules.create'> = {
  id: 'rule_mwu6mub1a2b3c4d5e6f7',
  name: 'GPU queue',
  builtin: false,
  metric: 'queue_depth',
  filters: [{ name: 'capability', value: 'gpu.*', op: '=~' }],
  comparison: '>=',
  threshold: 20,
  forMs: 120_000,
  severity: 'warning',
  labels: { team: 'ml' },
  summary: '{{value}} tasks queued for {{labels.capability}}',
  groupBy: ['capability'],
  params: {},
  enabled: true,
  createdBy: OPERATOR,
  updatedBy: OPERATOR,
  createdAt: TIME.T0,
  updatedAt: TIME.T0,
};
const silence: OutputOf<'alerts.silence'> = {
  id: 'sil_mwu6mub1a2b3c4d5e6f7',
  matchers: [{ name: 'capability', value: 'gpu', op: '=' }],
  startsAt: TIME.T0 + 90_000,
  endsAt: TIME.T0 + 90_000 + 3_600_000,
  createdBy: OPERATOR,
  comment: 'GPU hosts are being replaced',
  expiredBy: null,
  createdAt: TIME.T0 + 90_000,
};
const ruleFields = {
  name: 'unique',
  metric: 'one of the metric catalogue (`alerts.rules.list` answers it as `metrics`)',
  filters: 'label matchers a reading must pass (`=`, `!=`, `=~`, `!~`; regexes anchored)',
  comparison: '`>`, `>=`, `<`, `<=`, `==` or `!=`: `value comparison threshold` is the condition',
  threshold: 'a finite number, in the metric’s unit',
  forMs: 'how long the condition must hold before the alert fires (0 to 24 h; default 60 s)',
  severity: '`critical`, `warning` (default) or `info`',
  labels: 'labels added to every alert of the rule (routing, silences)',
  summary: 'a template: `{{value}}` and `{{labels.<name>}}`',
  groupBy: 'labels whose values split the rule’s alerts into notification groups (empty: one group)',
  params: 'the metric’s settings (`windowMs`, `minTasks`…; see the catalogue)',
  enabled: '`false`: not evaluated; its open alerts resolve',
};

export default defineSection({
  doc: 'api',
  id: 'alerts',
  title: 'Alerts',
  page: '/alerts',
  intro:
    'Rules watch the fleet’s metrics; an alert goes `pending` → `firing` (its condition held for the rule’s `for`) → `acknowledged` (optional) → `resolved` (its condition stayed clear for the resolve delay, `FLIGHTDECK_ALERT_RESOLVE_DELAY_MS`, default 30 s; or an operator resolved it). The leader evaluates every `FLIGHTDECK_ALERT_EVAL_MS` (default 5 s) and soon after changes in the fleet. One open alert per fingerprint (rule and labels). Every step is in the alert’s timeline with who took it, and in the event log (`alert:firing`, `alert:acknowledged`, `alert:resolved`, `alert:changed` for the others). Silenced alerts (`silencedBy`) and inhibited ones (`inhibitedBy`: an offline agent covers its breaker and unhealthy alerts; an open runtime breaker covers its agents’ breakers) keep their state but do not notify.',
  procedures: {
    'alerts.list': {
      summary: 'Alerts, firing first, then acknowledged, pending (and resolved); critical before warning before info.',
      fields: {
        state: '`pending`, `firing`, `acknowledged` or `resolved`; omitted: every open alert',
        severity: '`critical`, `warning` or `info`',
        cursor: 'the `nextCursor` of the page before',
        limit: 'alerts per page (default 50)',
      },
      example: { input: { state: 'firing' }, output: { items: [alert], nextCursor: null } },
      returns: '`{items, nextCursor}`; times are epoch ms; `value` is the last reading.',
    },
    'alerts.get': {
      summary: 'One alert with its timeline, the remedies that apply now, what it affects, and its readings.',
      example: {
        input: byId,
        output: {
          ...acked,
          timeline: [
            {
              id: 1,
              alertId: alert.id,
              at: TIME.T0,
              kind: 'pending',
              from: null,
              to: 'pending',
              actor: EVALUATOR,
              reason: 'unservable_queued is 3 (> 0)',
              note: null,
            },
            {
              id: 2,
              alertId: alert.id,
              at: TIME.T0 + 30_000,
              kind: 'firing',
              from: 'pending',
              to: 'firing',
              actor: EVALUATOR,
              reason: 'unservable_queued is 3 (> 0) for 30 s',
              note: null,
            },
            {
              id: 3,
              alertId: alert.id,
              at: TIME.T0 + 60_000,
              kind: 'acknowledged',
              from: 'firing',
              to: 'acknowledged',
              actor: OPERATOR,
              reason: 'acknowledged by alice',
              note: 'ordering a GPU host',
            },
          ],
          remedies: [
            { action: 'wake-pool', label: 'Wake 1 sleeping agent' },
            { action: 'scale-pool', label: 'Add an agent to pool gpu-workers' },
          ],
          affects: {
            capability: 'gpu',
            agents: [{ id: 'agt_mwu6mu5waf06ce63903a', name: 'gpu-1', status: 'sleeping' }],
            pools: [{ id: 'pool_mwu6mub1a2b3c4d5e6f7', name: 'gpu-workers' }],
            tasks: ['tsk_mwu6mu9xq1a2b3c4d5e6'],
          },
          samples: [
            { at: TIME.T0, value: 3 },
            { at: TIME.T0 + 5_000, value: 3 },
          ],
          metric: 'unservable_queued',
          threshold: { comparison: '>', value: 0 },
        },
      },
      returns:
        'the alert, with `timeline` (oldest first: `kind` is `pending`, `firing`, `acknowledged`, `resolved`, `cleared` (a pending alert whose condition went away before it fired: resolved without an `alert:resolved` event), `assigned`, `silenced`, `unsilenced`, `inhibited`, `uninhibited` or `remedy`), `remedies` (actions for `alerts.remedy`), `affects` (agents, pools, capability, up to 20 queued task ids) and `samples` (the rule’s reading at each evaluation while open, the newest 120).',
      errors: notFound,
    },
    'alerts.counts': {
      summary: 'Open alerts by state and severity; `badge` counts firing alerts neither silenced nor inhibited.',
      example: {
        output: {
          firing: { critical: 1, warning: 2, info: 0, total: 3 },
          acknowledged: { critical: 0, warning: 1, info: 0, total: 1 },
          pending: { critical: 0, warning: 0, info: 1, total: 1 },
          badge: 2,
        },
      },
    },
    'alerts.acknowledge': {
      summary: 'Acknowledges a firing alert: someone is on it. It stays acknowledged while its condition holds.',
      fields: { note: 'shown in the timeline' },
      example: { input: { id: alert.id, note: 'ordering a GPU host' }, output: acked },
      errors: { ...notFound, CONFLICT: 'the alert is not firing' },
    },
    'alerts.assign': {
      summary: 'Assigns an open alert to an operator.',
      fields: { to: 'a user name (checked against the users, when the server has any)' },
      example: { input: { id: alert.id, to: 'alice' }, output: { ...acked, assignee: 'alice' } },
      errors: { ...notFound, BAD_REQUEST: 'no user of that name', CONFLICT: 'the alert is resolved' },
    },
    'alerts.resolve': {
      summary: 'Resolves an open alert by hand.',
      details:
        'If its condition still holds, the next evaluation opens a new alert with the same fingerprint: resolve what has been fixed, silence what should stay quiet.',
      example: { input: byId, output: { ...acked, state: 'resolved', resolvedAt: TIME.T0 + 120_000 } },
      errors: { ...notFound, CONFLICT: 'the alert is already resolved' },
    },
    'alerts.remedy': {
      summary: 'Runs one of the alert’s remedies (see `alerts.get`), as the caller, and records it in the timeline.',
      details:
        'Each remedy calls the verb it names, which checks its own permission too: `drain-agent` (agents.drain), `restart-agent` (agents.terminate a pool-managed agent; its pool starts a new one), `retry-dead-letters` (tasks.retryDeadLetters of the alert’s capability), `scale-pool` (pools.update: the pool’s minimum becomes its size plus `by`), `reset-breaker` (agents.resetBreaker, agent or runtime), `wake-pool` (agents.wake the sleeping agents with the capability or of the pool, at most 10).',
      fields: {
        action: '`drain-agent`, `restart-agent`, `retry-dead-letters`, `scale-pool`, `reset-breaker` or `wake-pool`',
        by: '`scale-pool`: agents to add (default 1)',
        poolId: '`scale-pool`, `wake-pool`: which pool, when the alert concerns several',
      },
      example: {
        input: { id: alert.id, action: 'scale-pool', by: 1 },
        output: { alert: acked, did: "raised pool gpu-workers's minimum size to 1 (it had 0 agents)" },
      },
      returns: '`{alert, did}`: the alert and what the remedy did.',
      errors: {
        ...notFound,
        FORBIDDEN: 'the caller lacks the permission of the verb the remedy calls',
        CONFLICT: 'the remedy does not apply to this alert now, or the verb refused (the agent is busy…)',
      },
    },
    'alerts.silence': {
      summary:
        'Silences the alerts matching every matcher, from now for `durationMs`: they keep their state but do not notify.',
      fields: {
        matchers: 'label matchers (`alertname` and `severity` match too)',
        durationMs: '1 minute to 30 days',
        comment: 'why, shown to everyone',
      },
      example: {
        input: {
          matchers: [{ name: 'capability', value: 'gpu', op: '=' }],
          durationMs: 3_600_000,
          comment: 'GPU hosts are being replaced',
        },
        output: silence,
      },
      returns: 'the silence; the open alerts it matches are marked at once, new ones at their first evaluation.',
    },
    'alerts.silences': {
      summary: 'Silences in force (or all, newest first, with `includeExpired`).',
      example: { input: { includeExpired: false }, output: [silence] },
    },
    'alerts.expireSilence': {
      summary: 'Ends a silence now; its alerts are unmarked at the next evaluation.',
      example: { input: { id: silence.id }, output: { ...silence, endsAt: TIME.T0 + 600_000, expiredBy: ADMIN_ACTOR } },
      errors: { NOT_FOUND: 'no silence with that id' },
    },
    'alerts.rules.list': {
      summary: 'Every alert rule (built-in first), and the metric catalogue rules draw on.',
      returns:
        '`{rules, metrics}`: `metrics` lists each metric’s `name`, `description`, `labels`, `unit` and default `params`. Built-in rules have ids `builtin:…`.',
    },
    'alerts.rules.create': {
      summary: 'Creates an operator rule over a metric of the catalogue.',
      fields: ruleFields,
      example: {
        input: {
          name: 'GPU queue',
          metric: 'queue_depth',
          filters: [{ name: 'capability', value: 'gpu.*', op: '=~' }],
          comparison: '>=',
          threshold: 20,
          forMs: 120_000,
          labels: { team: 'ml' },
          summary: '{{value}} tasks queued for {{labels.capability}}',
          groupBy: ['capability'],
        },
        output: rule,
      },
      errors: { CONFLICT: 'a rule with that name exists' },
    },
    'alerts.rules.update': {
      summary:
        'Changes the fields sent. A built-in rule takes threshold, comparison, forMs, severity, enabled, labels, summary, groupBy and params.',
      fields: { id: 'the rule’s id', ...ruleFields },
      example: { input: { id: 'builtin:queue-depth', threshold: 500, forMs: 600_000 } },
      returns: 'the rule after the change.',
      errors: {
        NOT_FOUND: 'no rule with that id',
        BAD_REQUEST: 'a field a built-in rule keeps',
        CONFLICT: 'the new name is taken',
      },
    },
    'alerts.rules.delete': {
      summary: 'Deletes an operator rule; its open alerts resolve at the next evaluation.',
      example: { input: { id: rule.id }, output: { deleted: true } },
      errors: { NOT_FOUND: 'no rule with that id', CONFLICT: 'a built-in rule (disable it instead)' },
    },
  },
});
