import { z } from 'zod';
import { CreatePoolInput, UpdatePoolInput } from '@/server/core/pools/pool-input';
import { adminProcedure, operatorProcedure, router } from '../init';

const ById = z.object({ id: z.string().min(1).max(64) });

/** Pools of managed agents and their autoscaler's decisions. */
export const poolsRouter = router({
  list: operatorProcedure.query(({ ctx }) => ctx.runtime.core.pools.list()),
  get: operatorProcedure.input(ById).query(({ ctx, input }) => ctx.runtime.core.pools.detail(input.id)),
  /** Provider kinds this server can start agents with. */
  providers: operatorProcedure.query(({ ctx }) => ctx.runtime.core.pools.providers()),
  create: adminProcedure.input(CreatePoolInput).mutation(({ ctx, input }) => ctx.runtime.core.pools.create(input, ctx.principal.name)),
  update: adminProcedure.input(UpdatePoolInput).mutation(({ ctx, input }) => ctx.runtime.core.pools.update(input, ctx.principal.name)),
  remove: adminProcedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.pools.remove(input.id, ctx.principal.name)),
  decisions: operatorProcedure
    .input(ById.extend({ limit: z.number().int().min(1).max(1_000).default(100) }))
    .query(({ ctx, input }) => ctx.runtime.core.pools.decisions(input.id, input.limit)),
  /** Pool size, awake and busy agents against the backlog over the window. */
  samples: operatorProcedure
    .input(ById.extend({ windowMs: z.number().int().min(60_000).max(86_400_000).default(3_600_000) }))
    .query(({ ctx, input }) => ctx.runtime.core.pools.samples(input.id, input.windowMs)),
});
