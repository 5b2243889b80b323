import { z } from 'zod';
import { DEFAULT_PRE_ASSIGN_TIMEOUT_MS, MAX_PRE_ASSIGN_TIMEOUT_MS } from './reviewer';

/** Event deliveries wait this long for an answer unless the hook says otherwise. */
export const DEFAULT_EVENT_TIMEOUT_MS = 10_000;

const HttpUrl = z
  .string()
  .max(2_048)
  .url()
  .refine((u) => /^https?:$/.test(new URL(u).protocol), 'must be an http or https URL');

export const CreateHookInput = z.object({
  name: z.string().trim().min(1).max(100),
  /** `event`: a subscription to lifecycle events; `pre-assignment`: asked before each assignment. */
  kind: z.enum(['event', 'pre-assignment']).default('event'),
  url: HttpUrl,
  /** Event hooks: catalogue names, `task:*`-style namespaces or `*`. */
  patterns: z.array(z.string().min(1).max(100)).max(50).default([]),
  /** How long a request may take (pre-assignment default 2 s; at most 10 s). */
  timeoutMs: z.number().int().min(100).max(MAX_PRE_ASSIGN_TIMEOUT_MS).optional(),
  /** Pre-assignment hooks: what a timeout, an error or a malformed answer does (open: assign; closed: hold). */
  failMode: z.enum(['open', 'closed']).default('open'),
  enabled: z.boolean().default(true),
});
export type CreateHookInput = z.input<typeof CreateHookInput>;

export const defaultTimeout = (kind: 'event' | 'pre-assignment') =>
  kind === 'pre-assignment' ? DEFAULT_PRE_ASSIGN_TIMEOUT_MS : DEFAULT_EVENT_TIMEOUT_MS;

export const HookDeliveriesInput = z.object({
  id: z.string().min(1).max(64),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type HookDeliveriesInput = z.input<typeof HookDeliveriesInput>;
