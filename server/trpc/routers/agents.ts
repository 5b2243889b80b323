import { z } from 'zod';
import { AGENT_STATES } from '@/server/core/model';
import { HeartbeatInput, RegisterAgentInput } from '@/server/core/registry/register-input';
import { adminProcedure, agentProcedure, operatorProcedure, router } from '../init';

const ById = z.object({ id: z.string().min(1).max(64) });
const BreakerAction = ById.extend({ scope: z.enum(['agent', 'runtime']).default('agent') });

export const agentsRouter = router({
  register: adminProcedure.input(RegisterAgentInput).mutation(({ ctx, input }) => ctx.runtime.core.registry.register(input)),

  heartbeat: agentProcedure.input(HeartbeatInput).mutation(async ({ ctx, input }) => {
    const { status } = await ctx.runtime.core.registry.heartbeat(ctx.agent.id, input);
    return { status, heartbeatIntervalMs: ctx.runtime.core.heartbeatPolicy.intervalMs };
  }),

  deregister: agentProcedure.mutation(async ({ ctx }) => {
    await ctx.runtime.core.registry.deregister(ctx.agent.id);
    return { ok: true as const };
  }),

  list: operatorProcedure
    .input(z.object({ status: z.array(z.enum(AGENT_STATES)).optional() }).optional())
    .query(({ ctx, input }) => ctx.runtime.core.listAgents(input)),

  get: operatorProcedure.input(ById).query(({ ctx, input }) => ctx.runtime.core.getAgent(input.id)),

  /** The agent's circuit breaker and its runtime's, with their transitions. */
  breaker: operatorProcedure.input(ById).query(({ ctx, input }) => ctx.runtime.core.breakers.view(input.id)),
  resetBreaker: operatorProcedure.input(BreakerAction).mutation(({ ctx, input }) => ctx.runtime.core.breakers.reset(input.id, input.scope, ctx.principal.name)),
  forceOpenBreaker: operatorProcedure.input(BreakerAction).mutation(({ ctx, input }) => ctx.runtime.core.breakers.forceOpen(input.id, input.scope, ctx.principal.name)),
});
