import { initTRPC, TRPCError } from '@trpc/server';
import { bodyTooLarge, requestLimits } from '@/server/http/request-limits';
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
    const message = error.code === 'PAYLOAD_TOO_LARGE' && error.message === error.code && ctx ? bodyTooLarge(requestLimits(ctx.runtime.env)) : shape.message;
    return { ...shape, message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path } };
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
    if (mapped.code === 'INTERNAL_SERVER_ERROR') ctx.runtime.log.error({ err: result.error.cause ?? result.error, requestId: ctx.requestId }, 'request failed');
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

export const publicProcedure = t.procedure.use(mapErrors).use(guardInput);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'authentication required: send "Authorization: Bearer <token>" or sign in' });
  return next({ ctx: { ...ctx, principal: ctx.principal } });
});

/** People and programs (not agents): read the fleet, submit and manage tasks. */
export const operatorProcedure = authedProcedure.use(({ ctx, next }) => {
  const p = ctx.principal;
  if (p.kind === 'agent') throw new TRPCError({ code: 'FORBIDDEN', message: 'agent tokens may only call agents.heartbeat, agents.me, agents.signOff, agents.deregister and work.*' });
  return next({ ctx: { ...ctx, principal: p } });
});

export const adminProcedure = operatorProcedure.use(({ ctx, next }) => {
  if (ctx.principal.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN', message: 'admin role required' });
  return next();
});

/** An agent asking about itself: answers a terminated agent too, which learns it was terminated. */
export const agentStatusProcedure = authedProcedure.use(({ ctx, next }) => {
  const p = ctx.principal;
  if (p.kind !== 'agent') throw new TRPCError({ code: 'FORBIDDEN', message: 'an agent token is required (from agents.register)' });
  return next({ ctx: { ...ctx, agent: p } });
});

/** Calls an agent makes about itself: the agent id comes from its token, never from the input. */
export const agentProcedure = agentStatusProcedure.use(({ ctx, next }) => {
  if (ctx.agent.terminated) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `agent ${ctx.agent.name} was terminated: its token only answers agents.heartbeat and agents.me now` });
  }
  return next();
});
