import { z } from 'zod';
import { DistributionInput, WhatIfInput } from '@/server/core/routing/balancing-view';
import { SetRoutingInput } from '@/server/core/routing/routing-policy';
import { procedure, router } from '../init';

/** The load-balancing page: policy in force and its history, where work went, what-if replays. */
export const balancingRouter = router({
  policy: procedure.query(async ({ ctx }) => {
    const routing = ctx.runtime.core.routing;
    return { current: routing.current(), strategies: routing.strategies(), history: await routing.history(20) };
  }),
  setStrategy: procedure
    .input(SetRoutingInput)
    .mutation(({ ctx, input }) => ctx.runtime.core.routing.set(ctx.req, input)),
  distribution: procedure
    .input(DistributionInput)
    .query(({ ctx, input }) => ctx.runtime.core.views.distribution(ctx.req, input)),
  decisions: procedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(({ ctx, input }) => ctx.runtime.core.views.recentDecisions(ctx.req, input.limit)),
  // A mutation: it computes over up to 5,000 recorded decisions, which a GET URL should not carry or cache.
  whatIf: procedure.input(WhatIfInput).mutation(({ ctx, input }) => ctx.runtime.core.views.whatIf(ctx.req, input)),
});
