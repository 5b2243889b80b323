/** Query inputs shared by the overview's server prefetch and its client view (keys must match). */
export const RECENT_DECISIONS = 8;
