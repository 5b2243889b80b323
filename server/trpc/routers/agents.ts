import { z } from 'zod';
import { AgentListInput } from '@/server/core/registry/agent-query';
import { HeartbeatInput, RegisterAgentInput } from '@/server/core/registry/register-input';
import { agentProcedure, procedure, router } from '../init';

const ById = z.object({ id: z.string().min(1).max(64) });
const BreakerAction = ById.extend({ scope: z.enum(['agent', 'runtime']).default('agent') });

export const agentsRouter = router({
  register: procedure.input(RegisterAgentInput).mutation(({ ctx, input }) => ctx.runtime.core.registry.register(input)),

  /** Answers a terminated agent too (status `terminated`): its worker stops instead of failing on 401. */
  heartbeat: agentProcedure.input(HeartbeatInput).mutation(async ({ ctx, input }) => {
    const answer = await ctx.runtime.core.registry.heartbeat(ctx.agent.id, input);
    return { ...answer, heartbeatIntervalMs: ctx.runtime.core.heartbeatPolicy.intervalMs };
  }),

  /** The calling agent as the server knows it: a restarted worker resumes its CLI session from here. */
  me: agentProcedure.query(({ ctx }) => ctx.runtime.core.views.getAgent(ctx.req, ctx.agent.id)),

  deregister: agentProcedure.mutation(async ({ ctx }) => {
    await ctx.runtime.core.registry.deregister(ctx.agent.id);
    return { ok: true as const };
  }),

  /** A clean stop (its worker drained): `stopped` until it registers or heartbeats again; a pool's sleeping agent stays asleep. */
  signOff: agentProcedure.mutation(({ ctx }) => ctx.runtime.core.registry.signOff(ctx.agent.id)),

  /** A page of agents: search, status, terminated shown or not, sort, and a cursor to the next page. */
  list: procedure.input(AgentListInput).query(({ ctx, input }) => ctx.runtime.core.views.listAgents(ctx.req, input)),

  get: procedure.input(ById).query(({ ctx, input }) => ctx.runtime.core.views.getAgent(ctx.req, input.id)),

  /** The agent's circuit breaker and its runtime's, with their transitions. */
  breaker: procedure.input(ById).query(({ ctx, input }) => ctx.runtime.core.views.breaker(ctx.req, input.id)),
  drain: procedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.lifecycle.drain(ctx.req, input.id)),
  resume: procedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.lifecycle.resume(ctx.req, input.id)),
  sleep: procedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.lifecycle.sleep(ctx.req, input.id)),
  wake: procedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.lifecycle.wake(ctx.req, input.id)),
  /** Terminates the agent for good; `requeued` counts its tasks that went back to the queue. */
  terminate: procedure.input(ById).mutation(async ({ ctx, input }) => {
    const { requeued } = await ctx.runtime.core.lifecycle.terminate(ctx.req, input.id);
    return { ok: true as const, requeued };
  }),
  /** A managed agent's recent output, from its provider (empty for agents no pool manages). */
  logs: procedure
    .input(ById.extend({ tail: z.number().int().min(1).max(2_000).default(200) }))
    .query(({ ctx, input }) => ctx.runtime.core.views.agentLogs(ctx.req, input.id, input.tail)),

  resetBreaker: procedure
    .input(BreakerAction)
    .mutation(({ ctx, input }) => ctx.runtime.core.breakers.reset(ctx.req, input.id, input.scope)),
  forceOpenBreaker: procedure
    .input(BreakerAction)
    .mutation(({ ctx, input }) => ctx.runtime.core.breakers.forceOpen(ctx.req, input.id, input.scope)),
});
