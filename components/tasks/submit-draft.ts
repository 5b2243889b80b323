import type { Priority } from '@/server/core/model';
import type { TaskSpecInput } from '@/server/core/tasks/submit-input';

/** The submit form as typed: every field a string (the priority aside) until it is read. */
export interface SubmitDraft {
  title: string;
  prompt: string;
  payload: string;
  capabilities: string;
  priority: Priority;
  project: string;
  contextKey: string;
  maxAttempts: string;
  timeout: string;
  dependsOn: string;
  concurrencyKey: string;
  concurrencyLimit: string;
  idempotencyKey: string;
}

export type SubmitField = keyof SubmitDraft;
export type SubmitErrors = Partial<Record<SubmitField, string>>;

export const EMPTY_SUBMIT_DRAFT: SubmitDraft = {
  title: '',
  prompt: '',
  payload: '',
  capabilities: '',
  priority: 'normal',
  project: '',
  contextKey: '',
  maxAttempts: '',
  timeout: '',
  dependsOn: '',
  concurrencyKey: '',
  concurrencyLimit: '',
  idempotencyKey: '',
};

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** "90s", "30m", "2h", "1.5h", "1d", "500ms"; a bare number is seconds. Null when unreadable. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|sec|m|min|h|d)?$/i.exec(text.trim());
  if (!m) return null;
  return Math.round(Number(m[1]) * UNIT_MS[(m[2] ?? 's').toLowerCase()]);
}

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
const optional = (text: string) => (text.trim() ? text.trim() : undefined);

function wholeNumber(text: string, field: SubmitField, errors: SubmitErrors): number | undefined {
  if (!text.trim()) return undefined;
  if (!/^-?\d+$/.test(text.trim())) {
    errors[field] = 'must be a whole number';
    return undefined;
  }
  return Number(text.trim());
}

/**
 * The `tasks.submit` input for a draft, or the errors of what cannot even be sent (JSON that
 * does not parse, a number that is not one). The server checks the rest and names the field.
 */
export function readSubmitDraft(d: SubmitDraft): { input: TaskSpecInput; errors: SubmitErrors } {
  const errors: SubmitErrors = {};
  let payload: unknown = null;
  if (d.payload.trim()) {
    try {
      payload = JSON.parse(d.payload);
    } catch (err) {
      errors.payload = `not valid JSON: ${(err as Error).message}`;
    }
  }
  if (d.prompt.trim() && !errors.payload) {
    const isObject = payload !== null && typeof payload === 'object' && !Array.isArray(payload);
    if (payload !== null && !isObject) errors.payload = 'must be a JSON object to carry the prompt as well';
    else if (isObject && 'prompt' in (payload as object))
      errors.prompt = 'the payload has a prompt already: leave one of them empty';
    else payload = { ...(payload as object | null), prompt: d.prompt };
  }
  let timeoutMs: number | undefined;
  if (d.timeout.trim()) {
    timeoutMs = parseDuration(d.timeout) ?? undefined;
    if (timeoutMs === undefined) errors.timeout = 'a duration such as 90s, 30m or 2h';
  }
  const input: TaskSpecInput = {
    title: d.title,
    payload,
    capabilities: list(d.capabilities),
    priority: d.priority,
    project: optional(d.project),
    contextKey: optional(d.contextKey),
    maxAttempts: wholeNumber(d.maxAttempts, 'maxAttempts', errors),
    timeoutMs,
    dependsOn: list(d.dependsOn),
    concurrencyKey: optional(d.concurrencyKey),
    concurrencyLimit: wholeNumber(d.concurrencyLimit, 'concurrencyLimit', errors),
    idempotencyKey: optional(d.idempotencyKey),
  };
  // Undefined fields take the server's defaults; JSON would drop them anyway.
  for (const k of Object.keys(input) as (keyof TaskSpecInput)[]) if (input[k] === undefined) delete input[k];
  return { input, errors };
}
