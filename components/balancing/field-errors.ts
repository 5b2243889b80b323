import { splitIssues, type ErrorLike, type SplitErrors } from '@/components/trpc/input-issues';

/** `fields` by field: `strategy`, `decisions`, or a weight's name. */
export type FieldErrors = SplitErrors;

/**
 * Splits a strategy form's error by the field it names, so each message sits next to its
 * input: `strategy.weights.load` → `load`, `strategy.name` → `strategy`, `decisions` → `decisions`.
 */
export function fieldErrors(error: ErrorLike | null | undefined): FieldErrors {
  return splitIssues(error, fieldOf);
}

function fieldOf(path: string): string | null {
  const weight = /^strategy\.weights\.(.+)$/.exec(path);
  if (weight) return weight[1];
  if (path === 'strategy.name' || path === 'strategy') return 'strategy';
  if (path === 'decisions' || path === 'seed') return path;
  return null;
}
