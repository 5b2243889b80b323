/** A tRPC error as the client sees it; BAD_REQUEST from input validation carries `data.issues`. */
export interface ErrorLike {
  message: string;
  data?: unknown;
}

export interface InputIssue {
  path: string;
  message: string;
}

/** The per-field problems of an input validation error (see server/trpc/error-map.ts); [] when it has none. */
export function readIssues(data: unknown): InputIssue[] {
  const issues = (data as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter((i): i is InputIssue => typeof i?.path === 'string' && typeof i?.message === 'string');
}

export interface SplitErrors {
  /** By the field `fieldOf` names. */
  fields: Record<string, string>;
  /** Whatever names no field (or a refusal with no issues: CONFLICT, FORBIDDEN…). */
  form: string | null;
}

const NONE: SplitErrors = { fields: {}, form: null };

/**
 * Splits an error by field so each message sits next to its input: `fieldOf` maps an issue's
 * path to the field showing it (null: the form shows it); the first message for a field wins.
 */
export function splitIssues(
  error: ErrorLike | null | undefined,
  fieldOf: (path: string) => string | null,
): SplitErrors {
  if (!error) return NONE;
  const issues = readIssues(error.data);
  if (!issues.length) return { fields: {}, form: error.message };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const { path, message } of issues) {
    const field = fieldOf(path);
    if (field === null) rest.push(path ? `${path}: ${message}` : message);
    else fields[field] ??= message;
  }
  return { fields, form: rest.length ? rest.join('; ') : null };
}
