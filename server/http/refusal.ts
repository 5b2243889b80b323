import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { Logger } from '@/server/core/ports';

/** A request answered at the edge, before tRPC reads it, in tRPC's error shape. */
export interface Refusal {
  status: number;
  code: TRPC_ERROR_CODE_KEY;
  message: string;
}

export function refusal(code: TRPC_ERROR_CODE_KEY, message: string): Refusal {
  return { status: getHTTPStatusCodeFromError(new TRPCError({ code })), code, message };
}

export function refusalFromError(err: TRPCError): Refusal {
  return { status: getHTTPStatusCodeFromError(err), code: err.code, message: err.message };
}

export function refusalBody(r: Refusal): string {
  return JSON.stringify({
    error: { message: r.message, code: TRPC_ERROR_CODES_BY_KEY[r.code], data: { code: r.code, httpStatus: r.status } },
  });
}

/** Operators see what the edge turned away (a missing sign-in is the client's business, not logged). */
export function logRefusal(
  log: Logger,
  r: Refusal,
  request: { method: string; path: string; origin?: string | null },
): void {
  if (r.status === 401) return;
  log.warn(
    {
      status: r.status,
      code: r.code,
      method: request.method,
      path: request.path.slice(0, 200),
      origin: request.origin ?? undefined,
      reason: r.message,
    },
    'request refused',
  );
}
