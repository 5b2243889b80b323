// No zod here: the dashboard imports these, and zod in the browser probes eval, which the CSP forbids.
import { AGENT_STATES, type AgentState } from '../model';

export interface AgentCounts {
  /** Every agent not terminated. */
  registered: number;
  /** Idle or busy: heartbeating and taking work (a silent agent is swept to unhealthy, then offline). */
  healthy: number;
  terminated: number;
  byStatus: Record<AgentState, number>;
}

export const HEALTHY_STATES: readonly AgentState[] = ['idle', 'busy'];

export function countsOf(byStatus: Partial<Record<AgentState, number>>): AgentCounts {
  const full = Object.fromEntries(AGENT_STATES.map((s) => [s, byStatus[s] ?? 0])) as Record<AgentState, number>;
  const all = AGENT_STATES.reduce((n, s) => n + full[s], 0);
  return {
    registered: all - full.terminated,
    healthy: HEALTHY_STATES.reduce((n, s) => n + full[s], 0),
    terminated: full.terminated,
    byStatus: full,
  };
}
