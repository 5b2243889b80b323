import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { ZodError } from 'zod';
import { isDatabaseUnavailable } from '@/server/adapters/store/unavailable';
import { isCoreError, type CoreErrorCode } from '@/server/core/errors';

const CODES: Record<CoreErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
};

/** The one place core errors become tRPC errors; anything unknown becomes a generic 500 with a request id. */
export function toTRPCError(err: unknown, requestId: string): TRPCError {
  if (err instanceof TRPCError) return err;
  if (isCoreError(err)) return new TRPCError({ code: CODES[err.code], message: err.message, cause: err });
  if (isZodError(err)) return new TRPCError({ code: 'BAD_REQUEST', message: describeZodError(err), cause: err });
  if (isDatabaseUnavailable(err)) return databaseUnavailable(err);
  return new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: `internal error (request ${requestId})`,
    cause: err instanceof Error ? err : undefined,
  });
}

/** 503: the database is restarting or unreachable; the answer carries Retry-After (see the HTTP handlers). */
export function databaseUnavailable(cause: unknown): TRPCError {
  return new TRPCError({
    code: 'SERVICE_UNAVAILABLE',
    message: 'the database is unavailable; retry in a few seconds',
    cause: cause instanceof Error ? cause : undefined,
  });
}

export function isZodError(e: unknown): e is ZodError {
  return (
    e instanceof ZodError ||
    (typeof e === 'object' &&
      e !== null &&
      String((e as { name?: string }).name).includes('ZodError') &&
      Array.isArray((e as ZodError).issues))
  );
}

/** "capabilities.0: expected string, received number; title: must not be empty" */
export function describeZodError(err: ZodError): string {
  return zodIssues(err)
    .slice(0, 5)
    .map((i) => `${i.path || 'input'}: ${i.message}`)
    .join('; ');
}

/** Each problem with the field it concerns, e.g. `{ path: 'tasks.1.priority', message: … }`. */
export function zodIssues(err: ZodError): { path: string; message: string }[] {
  return flattenIssues(err.issues as Issue[], []).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

type Issue = { code: string; path: PropertyKey[]; message: string; errors?: Issue[][] };

/** For a union (one task, or a batch), report the branch the caller evidently meant. */
function flattenIssues(issues: Issue[], prefix: PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((i) => {
    const path = [...prefix, ...i.path];
    if (i.code !== 'invalid_union' || !i.errors?.length) return [{ path, message: i.message }];
    const missingFields = (branch: Issue[]) =>
      branch.filter((b) => b.path.length === 1 && /received undefined/.test(b.message)).length +
      (branch.some((b) => b.code === 'unrecognized_keys') ? 1 : 0);
    const best = [...i.errors].sort((a, b) => missingFields(a) - missingFields(b) || a.length - b.length)[0];
    return flattenIssues(best, path);
  });
}
