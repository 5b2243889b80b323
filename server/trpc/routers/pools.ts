import { z } from 'zod';
import { CreatePoolInput, UpdatePoolInput } from '@/server/core/pools/pool-input';
import { PoolSamplesInput } from '@/server/core/pools/pool-samples-view';
import { procedure, router } from '../init';

const ById = z.object({ id: z.string().min(1).max(64) });

/** Pools of managed agents and their autoscaler's decisions. */
export const poolsRouter = router({
  list: procedure.query(({ ctx }) => ctx.runtime.core.views.pools(ctx.req)),
  get: procedure.input(ById).query(({ ctx, input }) => ctx.runtime.core.views.pool(ctx.req, input.id)),
  /** Provider kinds this server can start agents with. */
  providers: procedure.query(({ ctx }) => ctx.runtime.core.views.poolProviders(ctx.req)),
  create: procedure.input(CreatePoolInput).mutation(({ ctx, input }) => ctx.runtime.core.pools.create(ctx.req, input)),
  update: procedure.input(UpdatePoolInput).mutation(({ ctx, input }) => ctx.runtime.core.pools.update(ctx.req, input)),
  remove: procedure.input(ById).mutation(({ ctx, input }) => ctx.runtime.core.pools.remove(ctx.req, input.id)),
  decisions: procedure
    .input(ById.extend({ limit: z.number().int().min(1).max(1_000).default(100) }))
    .query(({ ctx, input }) => ctx.runtime.core.views.poolDecisions(ctx.req, input.id, input.limit)),
  /** Pool size, awake and busy agents against the backlog over `range`, in a bounded number of buckets. */
  samples: procedure
    .input(PoolSamplesInput)
    .query(({ ctx, input }) => ctx.runtime.core.views.poolSamples(ctx.req, input)),
});
