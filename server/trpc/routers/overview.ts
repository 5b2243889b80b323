import { z } from 'zod';
import { SeriesInput } from '@/server/core/metrics/series-view';
import { procedure, router } from '../init';

export const overviewRouter = router({
  get: procedure.query(({ ctx }) => ctx.runtime.core.views.overview(ctx.req)),
  /** Throughput, queue depth and agents over `range`, in a bounded number of buckets. */
  series: procedure.input(SeriesInput).query(({ ctx, input }) => ctx.runtime.core.views.series(ctx.req, input)),
  decisions: procedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(({ ctx, input }) => ctx.runtime.core.views.recentDecisions(ctx.req, input.limit)),
});
