/** Query inputs shared by the agent page's server prefetch and its client view (keys must match). */
export const AGENT_RECENT_TASKS = 20;
