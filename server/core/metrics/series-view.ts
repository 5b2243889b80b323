import { z } from 'zod';
import type { Store } from '../ports';
import type { SeriesPoint } from './ports';
import { seriesPlan, type TimeRange } from './time-range';
import { TimeRangeInput } from './time-range-input';

export const SeriesInput = z.object({ range: TimeRangeInput.default('15m') }).default({ range: '15m' });

export interface SeriesView {
  range: TimeRange;
  /** [from, to) of the x axis; `bucketMs` is the width of one point (a bar of the throughput chart). */
  from: number;
  to: number;
  bucketMs: number;
  buckets: number;
  points: SeriesPoint[];
}

/** Throughput, queue depth and agents over a range, downsampled to at most a few hundred buckets. */
export async function readSeriesView(store: Store, raw: z.input<typeof SeriesInput>, now: number): Promise<SeriesView> {
  const { range } = SeriesInput.parse(raw);
  const plan = seriesPlan(range, now);
  const points = await store.stats.series(plan);
  return { range, from: plan.from, to: plan.to, bucketMs: plan.bucketMs, buckets: plan.count, points };
}
