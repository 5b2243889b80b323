import { z } from 'zod';
import { seriesPlan, type TimeRange } from '../metrics/time-range';
import { TimeRangeInput } from '../metrics/time-range-input';
import type { Store } from '../ports';
import type { PoolSample } from './pool-model';

// Strict: a caller still sending the old `windowMs` hears so instead of silently getting an hour.
export const PoolSamplesInput = z
  .object({ id: z.string().min(1).max(64), range: TimeRangeInput.default('1h') })
  .strict();

export interface PoolSamplesView {
  range: TimeRange;
  /** [from, to) of the x axis; each point is the peak of one `bucketMs` bucket. */
  from: number;
  to: number;
  bucketMs: number;
  buckets: number;
  points: PoolSample[];
}

/** A pool's size, awake and busy agents against its backlog over a range, in the buckets the other charts use. */
export async function readPoolSamples(
  store: Store,
  poolId: string,
  range: TimeRange,
  now: number,
): Promise<PoolSamplesView> {
  const plan = seriesPlan(range, now);
  const points = await store.pools.samples(poolId, plan);
  return { range, from: plan.from, to: plan.to, bucketMs: plan.bucketMs, buckets: plan.count, points };
}
