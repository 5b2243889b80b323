import type { Agent, AgentState, ExcludedAgent, Task } from '../model';

const STATE_REASONS: Partial<Record<AgentState, string>> = {
  starting: 'starting (no heartbeat yet)',
  draining: 'draining',
  sleeping: 'sleeping',
  unhealthy: 'unhealthy (missed heartbeats)',
  offline: 'offline',
  terminated: 'terminated',
};

/** Why `agent` cannot take `task` right now, or null when it can. */
export function exclusionReason(task: Task, agent: Agent): string | null {
  const stateReason = STATE_REASONS[agent.status];
  if (stateReason) return stateReason;
  const missing = task.capabilities.filter((c) => !agent.capabilities.some((ac) => ac.name === c));
  if (missing.length) return `missing capability ${missing.map((m) => `\`${m}\``).join(', ')}`;
  if (agent.activeTasks >= agent.maxConcurrency) return `at capacity (${agent.activeTasks}/${agent.maxConcurrency})`;
  return null;
}

export function partitionCandidates(task: Task, agents: Agent[]): { eligible: Agent[]; excluded: ExcludedAgent[] } {
  const eligible: Agent[] = [];
  const excluded: ExcludedAgent[] = [];
  for (const agent of agents) {
    const reason = exclusionReason(task, agent);
    if (reason) excluded.push({ agentId: agent.id, agentName: agent.name, reason });
    else eligible.push(agent);
  }
  return { eligible, excluded };
}
