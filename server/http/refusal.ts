import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

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
  return JSON.stringify({ error: { message: r.message, code: TRPC_ERROR_CODES_BY_KEY[r.code], data: { code: r.code, httpStatus: r.status } } });
}
