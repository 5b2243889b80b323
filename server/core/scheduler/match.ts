import type { AgentSignals } from '../balancing/strategy';
import type { Agent, AgentState, ExcludedAgent, Task } from '../model';

/** States in which an agent takes no new work, with the reason a decision record shows. */
export const STATE_REASONS: Partial<Record<AgentState, string>> = {
  starting: 'starting (no heartbeat yet)',
  draining: 'draining',
  sleeping: 'sleeping',
  stopped: 'stopped (its worker stopped cleanly)',
  unhealthy: 'unhealthy (missed heartbeats)',
  offline: 'offline',
  terminated: 'terminated',
};

export const BREAKER_OPEN_REASON = 'breaker open';

export const missingReason = (missing: readonly string[]): string =>
  `missing capability ${missing.map((m) => `\`${m}\``).join(', ')}`;
export const capacityReason = (active: number, max: number): string => `at capacity (${active}/${max})`;

/**
 * Why `agent` cannot take `task` right now, or null when it can. The order matters: a sleeping
 * agent is "sleeping" whatever it can do, then a held one (rate-limited, context full), and only a capable, free agent is checked for its breaker.
 */
export function exclusionReason(task: Task, agent: Agent, signals?: AgentSignals): string | null {
  const stateReason = STATE_REASONS[agent.status];
  if (stateReason) return stateReason;
  if (agent.hold) return agent.hold;
  const missing = task.capabilities.filter((c) => !agent.capabilities.some((ac) => ac.name === c));
  if (missing.length) return missingReason(missing);
  if (agent.activeTasks >= agent.maxConcurrency) return capacityReason(agent.activeTasks, agent.maxConcurrency);
  if (signals?.breaker === 'open') return BREAKER_OPEN_REASON;
  return null;
}

/** The naive O(agents) split; the roster index gives the same answer at scale. */
export function partitionCandidates(
  task: Task,
  agents: readonly Agent[],
  signalsOf?: (agentId: string) => AgentSignals,
): { eligible: Agent[]; excluded: ExcludedAgent[] } {
  const eligible: Agent[] = [];
  const excluded: ExcludedAgent[] = [];
  for (const agent of agents) {
    const reason = exclusionReason(task, agent, signalsOf?.(agent.id));
    if (reason) excluded.push({ agentId: agent.id, agentName: agent.name, reason });
    else eligible.push(agent);
  }
  return { eligible, excluded };
}
