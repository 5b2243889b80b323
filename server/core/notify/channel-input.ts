import { z } from 'zod';
import { LabelMatcherInput } from '../alerts/label-matchers';
import { CHANNEL_TYPES } from './ports';

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
/** Four hours, as Alertmanager's default `repeat_interval`. */
export const DEFAULT_REPEAT_INTERVAL_MS = 4 * 3_600_000;
export const MIN_REPEAT_INTERVAL_MS = 10_000;
const MAX_REPEAT_INTERVAL_MS = 7 * 24 * 3_600_000;

const fields = {
  name: z.string().trim().min(1, 'name: required').max(100, 'name: at most 100 characters'),
  type: z.enum(CHANNEL_TYPES, { error: `type: one of ${CHANNEL_TYPES.join(', ')}` }),
  url: z.string().trim().min(1, 'url: required').max(2_000, 'url: at most 2000 characters'),
  severities: z.array(z.enum(SEVERITIES, { error: `severities: each one of ${SEVERITIES.join(', ')}` })).max(3),
  matchers: z.array(LabelMatcherInput).max(20, 'matchers: at most 20'),
  repeatIntervalMs: z
    .number()
    .int()
    .min(MIN_REPEAT_INTERVAL_MS, `repeatIntervalMs: at least ${MIN_REPEAT_INTERVAL_MS} (10 s)`)
    .max(MAX_REPEAT_INTERVAL_MS, 'repeatIntervalMs: at most 7 days'),
  enabled: z.boolean(),
};

export const CreateChannelInput = z
  .object({
    ...fields,
    severities: fields.severities.default([]),
    matchers: fields.matchers.default([]),
    repeatIntervalMs: fields.repeatIntervalMs.default(DEFAULT_REPEAT_INTERVAL_MS),
    enabled: fields.enabled.default(true),
  })
  .strict();
export type CreateChannelInput = z.input<typeof CreateChannelInput>;

export const UpdateChannelInput = z
  .object({
    id: z.string().min(1).max(64),
    name: fields.name.optional(),
    type: fields.type.optional(),
    url: fields.url.optional(),
    severities: fields.severities.optional(),
    matchers: fields.matchers.optional(),
    repeatIntervalMs: fields.repeatIntervalMs.optional(),
    enabled: fields.enabled.optional(),
    /** A new secret is made and answered once; the old one stops signing at once. */
    rotateSecret: z.boolean().optional(),
  })
  .strict();
export type UpdateChannelInput = z.input<typeof UpdateChannelInput>;
