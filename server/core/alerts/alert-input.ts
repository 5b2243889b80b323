import { z } from 'zod';
import { ALERT_STATES, COMPARISONS, SEVERITIES } from './alert-model';
import { LabelMatcherInput } from './label-matchers';
import { metricSpec } from './metric-catalogue';

const DAY = 24 * 3_600_000;
const labelName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'label names are letters, digits and _');
const Labels = z.record(labelName, z.string().max(200)).refine((l) => Object.keys(l).length <= 20, 'at most 20 labels');

const metric = z.string().refine((m) => !!metricSpec(m), {
  error: (iss) => `unknown metric ${JSON.stringify(iss.input)}: see alerts.rules.list for the metric catalogue`,
});

/** Everything an operator may set on a rule; a built-in rule's metric and filters stay as shipped. */
const RuleFields = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  metric,
  filters: z.array(LabelMatcherInput).max(20),
  comparison: z.enum(COMPARISONS, { error: `must be one of ${COMPARISONS.join(' ')}` }),
  threshold: z.number({ error: 'must be a number' }).finite('must be a finite number'),
  forMs: z.number().int().min(0, 'must be 0 or more').max(DAY, 'must be at most 24 h (86400000)'),
  severity: z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` }),
  labels: Labels,
  summary: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(500)
    .refine((s) => [...s.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].every((m) => /^(value|labels\.\w+)$/.test(m[1])), {
      message: 'placeholders are {{value}} and {{labels.<name>}}',
    }),
  groupBy: z.array(labelName).max(10),
  params: z.record(z.string(), z.number().finite().min(0)).refine((p) => Object.keys(p).length <= 10, 'at most 10'),
  enabled: z.boolean(),
});

export const CreateRuleInput = RuleFields.extend({
  filters: RuleFields.shape.filters.default([]),
  forMs: RuleFields.shape.forMs.default(60_000),
  severity: RuleFields.shape.severity.default('warning'),
  labels: RuleFields.shape.labels.default({}),
  groupBy: RuleFields.shape.groupBy.default([]),
  params: RuleFields.shape.params.default({}),
  enabled: RuleFields.shape.enabled.default(true),
});
export type CreateRuleInput = z.input<typeof CreateRuleInput>;

export const UpdateRuleInput = RuleFields.partial().extend({ id: z.string().min(1).max(100) });
export type UpdateRuleInput = z.input<typeof UpdateRuleInput>;

/** What a built-in rule lets an operator change. */
export const BUILTIN_EDITABLE = [
  'threshold',
  'forMs',
  'severity',
  'enabled',
  'labels',
  'summary',
  'groupBy',
  'params',
  'comparison',
] as const;

export const AlertId = z.object({ id: z.string().min(1).max(100) });

export const ListAlertsInput = z
  .object({
    /** Omitted: every open alert (pending, firing, acknowledged). */
    state: z.enum(ALERT_STATES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    cursor: z.string().max(100).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ limit: 50 });
export type ListAlertsInput = z.input<typeof ListAlertsInput>;

export const AcknowledgeInput = AlertId.extend({ note: z.string().trim().max(1_000).optional() });
export const AssignInput = AlertId.extend({ to: z.string().trim().min(1, 'must name a user').max(100) });

export const REMEDY_ACTIONS = [
  'drain-agent',
  'restart-agent',
  'retry-dead-letters',
  'scale-pool',
  'reset-breaker',
  'wake-pool',
] as const;
export type RemedyAction = (typeof REMEDY_ACTIONS)[number];

export const RemedyInput = AlertId.extend({
  action: z.enum(REMEDY_ACTIONS, { error: `must be one of ${REMEDY_ACTIONS.join(', ')}` }),
  /** scale-pool: how many agents to add (default 1). */
  by: z.number().int().min(1).max(50).optional(),
  /** scale-pool / wake-pool: which pool, when the alert names several. */
  poolId: z.string().min(1).max(100).optional(),
});
export type RemedyInput = z.input<typeof RemedyInput>;

export const SilenceInput = z.object({
  matchers: z.array(LabelMatcherInput).min(1, 'a silence needs at least one matcher').max(20),
  durationMs: z
    .number()
    .int()
    .min(60_000, 'must be at least a minute (60000)')
    .max(30 * DAY, 'must be at most 30 days'),
  comment: z.string().trim().min(1, 'say why (it is shown to everyone)').max(1_000),
});
export type SilenceInput = z.input<typeof SilenceInput>;

export const ListSilencesInput = z.object({ includeExpired: z.boolean().default(false) }).default({
  includeExpired: false,
});
