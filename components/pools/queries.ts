import type { TimeRange } from '@/server/core/metrics/time-range';

/** Query inputs shared by the pool page's server prefetch and its client view (keys must match). */
export const POOL_DECISIONS_LIMIT = 50;
/** The pool chart's range when the URL names none. */
export const POOL_CHART_RANGE: TimeRange = '1h';

export const poolDecisionsInput = (id: string) => ({ id, limit: POOL_DECISIONS_LIMIT });
export const poolSamplesInput = (id: string, range: TimeRange) => ({ id, range });
