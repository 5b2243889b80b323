import { readIssues, type ErrorLike, type InputIssue } from '@/components/trpc/input-issues';
import type { SubmitErrors, SubmitField } from './submit-draft';

export interface SubmitFieldErrors {
  fields: SubmitErrors;
  /** Whatever names no field of the form. */
  form: string | null;
}

/** API field → form field; list entries are named by position ("capability 2: …"). */
const FIELDS: Record<string, SubmitField> = {
  title: 'title',
  payload: 'payload',
  capabilities: 'capabilities',
  priority: 'priority',
  project: 'project',
  contextKey: 'contextKey',
  maxAttempts: 'maxAttempts',
  timeoutMs: 'timeout',
  dependsOn: 'dependsOn',
  concurrencyKey: 'concurrencyKey',
  concurrencyLimit: 'concurrencyLimit',
  idempotencyKey: 'idempotencyKey',
};
const ITEM: Partial<Record<SubmitField, string>> = { capabilities: 'capability', dependsOn: 'dependency' };

/**
 * Puts each problem of a refused `tasks.submit` next to its input. Input validation lists them in
 * `issues` (`capabilities.1`); checks made after it (dependencies) name the field at the head of
 * each part of the message (`dependsOn.0: task tsk_… not found; dependsOn.2: …`).
 */
export function submitFieldErrors(error: ErrorLike | null | undefined): SubmitFieldErrors {
  if (!error) return { fields: {}, form: null };
  const issues = readIssues(error.data);
  const problems = issues.length ? issues : fromMessage(error.message);
  if (!problems) return { fields: {}, form: error.message };
  const fields: SubmitErrors = {};
  const rest: string[] = [];
  for (const { path, message } of problems) {
    const [head, index] = path.split('.');
    const field = FIELDS[head];
    if (!field) {
      rest.push(path ? `${path}: ${message}` : message);
      continue;
    }
    const item = ITEM[field];
    const text =
      item && index !== undefined && /^\d+$/.test(index) ? `${item} ${Number(index) + 1}: ${message}` : message;
    fields[field] = fields[field] ? `${fields[field]}; ${text}` : text;
  }
  return { fields, form: rest.length ? rest.join('; ') : null };
}

function fromMessage(message: string): InputIssue[] | null {
  const parts = message.split('; ').map((part) => /^([A-Za-z]+(?:\.\d+)?): ([\s\S]+)$/.exec(part));
  if (!parts.length || parts.some((m) => !m || !FIELDS[m[1].split('.')[0]])) return null;
  return parts.map((m) => ({ path: m![1], message: m![2] }));
}
