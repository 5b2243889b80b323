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
