import { z } from 'zod';
import { SeriesInput } from '@/server/core/metrics/series-view';
import { operatorProcedure, router } from '../init';

export const overviewRouter = router({
  get: operatorProcedure.query(({ ctx }) => ctx.runtime.core.overview()),
  /** Throughput, queue depth and agents over `range`, in a bounded number of buckets. */
  series: operatorProcedure.input(SeriesInput).query(({ ctx, input }) => ctx.runtime.core.series(input)),
  decisions: operatorProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(({ ctx, input }) => ctx.runtime.core.recentDecisions(input.limit)),
});
