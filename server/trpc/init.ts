import { initTRPC, TRPCError } from '@trpc/server';
import { bodyTooLarge, requestLimits } from '@/server/http/request-limits';
import { authorizeCall } from '@/server/core/access/authorize';
import { requestContext } from '@/server/core/access/request-context';
import type { Context } from './context';
import { describeZodError, isZodError, toTRPCError, zodIssues } from './error-map';
import { findInputProblem, inputProblemError } from './input-guard';

const t = initTRPC.context<Context>().create({
  // Plain JSON on the wire: any agent with an HTTP client can speak the API.
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    if (error.code === 'BAD_REQUEST' && isZodError(cause)) {
      return { ...shape, message: describeZodError(cause), data: { ...shape.data, issues: zodIssues(cause) } };
    }
    // The Node adapter's own streaming body cap says only its code: name the limit.
    const message =
      error.code === 'PAYLOAD_TOO_LARGE' && error.message === error.code && ctx
        ? bodyTooLarge(requestLimits(ctx.runtime.env))
        : shape.message;
    return {
      ...shape,
      message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path },
    };
  },
  sse: {
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause ?? result.error, ctx.requestId);
    if (mapped.code === 'INTERNAL_SERVER_ERROR')
      ctx.runtime.log.error({ err: result.error.cause ?? result.error, requestId: ctx.requestId }, 'request failed');
    // A TRPCError thrown by tRPC itself (input validation, auth) passes through unchanged.
    if (result.error.code !== 'INTERNAL_SERVER_ERROR') return result;
    throw mapped;
  }
  return result;
});

/** Checks every procedure's raw input for what no schema may let through (NUL characters, deep nesting). */
const guardInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = findInputProblem(await getRawInput());
  if (problem) throw inputProblemError(problem);
  return next();
});

const base = t.procedure.use(mapErrors).use(guardInput);

/**
 * Builds the request context (actor, request id, child logger) and asks the core's permission
 * map whether this actor may call this procedure, before its input is even read. A procedure
 * the map does not name is refused: default deny.
 */
const authorize = t.middleware(({ ctx, path, next }) => {
  const req = requestContext(ctx.actor, ctx.requestId, ctx.runtime.log);
  authorizeCall(req.actor, path);
  return next({ ctx: { ...ctx, req } });
});

/** Every procedure: the permission map (`server/core/access/verb-map.ts`) says who may call it. */
export const procedure = base.use(authorize);

/** The agent protocol: the agent acts on itself, its id comes from its token, never from the input. */
export const agentProcedure = procedure.use(({ ctx, next }) => {
  const actor = ctx.req.actor;
  // The permission map admits only agents here; this narrows the type for the resolver.
  if (actor.kind !== 'agent')
    throw new TRPCError({ code: 'FORBIDDEN', message: 'an agent token is required (from agents.register)' });
  return next({ ctx: { ...ctx, agent: actor } });
});
