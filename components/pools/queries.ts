/** Query inputs shared by the pool page's server prefetch and its client view (keys must match). */
export const POOL_DECISIONS_LIMIT = 50;
export const POOL_SAMPLES_WINDOW_MS = 30 * 60_000;

export const poolDecisionsInput = (id: string) => ({ id, limit: POOL_DECISIONS_LIMIT });
export const poolSamplesInput = (id: string) => ({ id, windowMs: POOL_SAMPLES_WINDOW_MS });
