/** Query inputs shared by the balancing page's server prefetch and its client view (keys must match). */
export const DECISION_FEED_INPUT = { limit: 20 };
