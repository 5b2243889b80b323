// No zod here: the dashboard's range picker imports these, and zod in the browser probes eval, which the CSP forbids.

/** The time ranges every chart offers; samples are kept at least as long as the longest. */
export const TIME_RANGES = ['15m', '1h', '6h', '24h', '7d'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];

export const RANGE_MS: Record<TimeRange, number> = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
};

/** Bucket widths: 180–336 points per chart, each a whole number of 5 s samples. */
const BUCKET_MS: Record<TimeRange, number> = {
  '15m': 5_000,
  '1h': 15_000,
  '6h': 90_000,
  '24h': 5 * 60_000,
  '7d': 30 * 60_000,
};

/** Heatmap columns are wider (a cell must stay visible); each is read from a few samples, not all of them. */
const HEATMAP_CELL_MS: Record<TimeRange, number> = {
  '15m': 15_000,
  '1h': 60_000,
  '6h': 5 * 60_000,
  '24h': 15 * 60_000,
  '7d': 2 * 3_600_000,
};
const SAMPLES_PER_CELL = 6;

export interface BucketPlan {
  range: TimeRange;
  /** [from, to): `to` is the end of the bucket holding `now`, so the last bar is the current one. */
  from: number;
  to: number;
  bucketMs: number;
  count: number;
}

function plan(range: TimeRange, bucketMs: number, now: number): BucketPlan {
  const to = Math.floor(now / bucketMs) * bucketMs + bucketMs;
  const count = Math.round(RANGE_MS[range] / bucketMs);
  return { range, from: to - count * bucketMs, to, bucketMs, count };
}

export const seriesPlan = (range: TimeRange, now: number) => plan(range, BUCKET_MS[range], now);
export const heatmapPlan = (range: TimeRange, now: number) => plan(range, HEATMAP_CELL_MS[range], now);

/** Spacing of the samples a heatmap reads: about six per cell, never closer than the sample interval. */
export function heatmapStrideMs(range: TimeRange, sampleMs: number): number {
  return Math.max(sampleMs, Math.floor(HEATMAP_CELL_MS[range] / SAMPLES_PER_CELL / sampleMs) * sampleMs);
}

/** The bucket start for an instant (epoch-aligned, like the SQL `floor(epoch / width)`). */
export const bucketStart = (at: number, bucketMs: number) => Math.floor(at / bucketMs) * bucketMs;
