import { readIssues, type ErrorLike } from '@/components/trpc/input-issues';

export interface FieldErrors {
  /** By field: `strategy`, `decisions`, or a weight's name. */
  fields: Record<string, string>;
  /** Whatever names no field of the form. */
  form: string | null;
}

const NONE: FieldErrors = { fields: {}, form: null };

/**
 * Splits a strategy form's error by the field it names, so each message sits next to its
 * input: `strategy.weights.load` → `load`, `strategy.name` → `strategy`, `decisions` → `decisions`.
 */
export function fieldErrors(error: ErrorLike | null | undefined): FieldErrors {
  if (!error) return NONE;
  const issues = readIssues(error.data);
  if (!issues.length) return { fields: {}, form: error.message };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const { path, message } of issues) {
    const field = fieldOf(path);
    if (field && !fields[field]) fields[field] = message;
    else if (!field) rest.push(path ? `${path}: ${message}` : message);
  }
  return { fields, form: rest.length ? rest.join('; ') : null };
}

function fieldOf(path: string): string | null {
  const weight = /^strategy\.weights\.(.+)$/.exec(path);
  if (weight) return weight[1];
  if (path === 'strategy.name' || path === 'strategy') return 'strategy';
  if (path === 'decisions' || path === 'seed') return path;
  return null;
}
