import { splitIssues, type ErrorLike, type SplitErrors } from '@/components/trpc/input-issues';

/** `fields` by input path: `comment`, `matchers.0.value`, `threshold`… */
export type FormErrors = SplitErrors;

/**
 * Puts each input problem next to the field it names; `shown` lists the form's fields (a
 * path belongs to a field when it is the field or lies under it: `matchers.0.value` under `matchers`).
 */
export function formErrors(error: ErrorLike | null | undefined, shown: readonly string[]): FormErrors {
  return splitIssues(error, (path) => (shown.some((f) => path === f || path.startsWith(`${f}.`)) ? path : null));
}
