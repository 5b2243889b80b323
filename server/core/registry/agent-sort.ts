// No zod here: the dashboard imports these, and zod in the browser probes eval, which the CSP forbids.

/** The Agents table's sortable columns. */
export const AGENT_SORT_COLUMNS = [
  'name',
  'status',
  'runtime',
  'activeTasks',
  'lastHeartbeat',
  'registeredAt',
] as const;
export type AgentSortColumn = (typeof AGENT_SORT_COLUMNS)[number];
export interface AgentSort {
  by: AgentSortColumn;
  dir: 'asc' | 'desc';
}
