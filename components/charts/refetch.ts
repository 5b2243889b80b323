import type { TimeRange } from '@/server/core/metrics/time-range';

/** A chart re-reads once per bucket (samples land every 5 s), at most once a minute over long ranges. */
export const seriesRefetchMs = (bucketMs: number | undefined) => Math.min(60_000, Math.max(5_000, bucketMs ?? 5_000));

export const RANGE_WORDS: Record<TimeRange, string> = {
  '15m': '15 minutes',
  '1h': 'hour',
  '6h': '6 hours',
  '24h': '24 hours',
  '7d': '7 days',
};
