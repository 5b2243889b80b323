import { readIssues, type ErrorLike } from '@/components/trpc/input-issues';

export interface FormErrors {
  /** By input path: `comment`, `matchers.0.value`, `threshold`… */
  fields: Record<string, string>;
  /** Whatever names no field the form shows (or a refusal: CONFLICT, FORBIDDEN…). */
  form: string | null;
}

const NONE: FormErrors = { fields: {}, form: null };

/**
 * Puts each input problem next to the field it names; `shown` lists the form's fields (a
 * path belongs to a field when it is the field or lies under it: `matchers.0.value` under `matchers`).
 */
export function formErrors(error: ErrorLike | null | undefined, shown: readonly string[]): FormErrors {
  if (!error) return NONE;
  const issues = readIssues(error.data);
  if (!issues.length) return { fields: {}, form: error.message };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const { path, message } of issues) {
    if (shown.some((f) => path === f || path.startsWith(`${f}.`))) fields[path] ??= message;
    else rest.push(path ? `${path}: ${message}` : message);
  }
  return { fields, form: rest.length ? rest.join('; ') : null };
}
