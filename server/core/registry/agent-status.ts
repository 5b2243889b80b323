import type { AgentActivity, AgentActivityState, AgentState } from '../model';

/** Reports that say the agent is on a task: true only while it holds one. */
const ON_A_TASK: readonly AgentActivityState[] = ['working', 'waiting-for-input', 'stalled'];
/** Reports that say it is on none: true only while it holds none. */
const ON_NO_TASK: readonly AgentActivityState[] = ['idle', 'done', 'failed'];
/** States whose worker is not running now (or not yet): an earlier report says nothing of the present. */
const NOT_RUNNING: readonly AgentState[] = ['starting', 'stopped', 'offline', 'terminated'];

export interface AgentStatusFacts {
  /** The stored lifecycle state (never `busy`). */
  status: AgentState;
  /** Tasks assigned to it or running on it. */
  activeTasks: number;
  /** What its CLI last reported. */
  activity: AgentActivity | null;
  /** When the newest of those tasks was assigned (null when it holds none). */
  workSince: number | null;
}

export interface AgentStatus {
  status: AgentState;
  activity: AgentActivity | null;
}

/** The one status an operator reads: the stored state, with `idle` shown as `busy` while it holds work. */
export function agentStatus(stored: AgentState, activeTasks: number): AgentState {
  return stored === 'idle' && activeTasks > 0 ? 'busy' : stored;
}

/**
 * The status and, beside it, the activity its CLI reports, made to agree. Assignments change at
 * once while reports lag up to a heartbeat, so where they disagree the assignments win: a report
 * of work while the agent holds none reads `idle`, a report of none while it holds some `working`.
 */
export function describeStatus(agent: AgentStatusFacts): AgentStatus {
  const status = agentStatus(agent.status, agent.activeTasks);
  const reported = agent.activity;
  if (!reported || NOT_RUNNING.includes(status)) return { status, activity: null };
  const holds = agent.activeTasks > 0;
  const stale = holds ? ON_NO_TASK.includes(reported.state) : ON_A_TASK.includes(reported.state);
  if (!stale) return { status, activity: reported };
  // When a held task's report is missing we know since when it works; when its last one ended we do not.
  return {
    status,
    activity: holds
      ? { state: 'working', detail: null, at: agent.workSince }
      : { state: 'idle', detail: null, at: null },
  };
}
