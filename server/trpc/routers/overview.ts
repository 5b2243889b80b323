import { z } from 'zod';
import { procedure, router } from '../init';

export const overviewRouter = router({
  get: procedure.query(({ ctx }) => ctx.runtime.core.overview()),
  decisions: procedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(({ ctx, input }) => ctx.runtime.core.recentDecisions(input.limit)),
});
