import type { Agent, AgentActivityState, AgentState, Capability } from '../model';
import type { AgentPageQuery } from './agent-query';

/** What the agent registry needs of storage. The adapters implement these; the core depends on nothing else. */

export interface NewAgent {
  name: string;
  runtime: string;
  capabilities: Capability[];
  maxConcurrency: number;
  labels: Record<string, string>;
  contextWindow: number | null;
  tokenHash: string;
  /** The pool that manages the agent (kept on re-registration when omitted). */
  poolId?: string | null;
}

export interface HeartbeatReport {
  load?: number;
  contextUsed?: number;
  contextWindow?: number;
  activity?: { state: AgentActivityState; detail?: string; resetAt?: number };
  /** undefined: unchanged; null: forget the session. */
  sessionId?: string | null;
}

export interface HeartbeatOutcome {
  previous: AgentState;
  status: AgentState;
  contextUsed: number | null;
  contextWindow: number | null;
  parkedUntil: number | null;
  activity: AgentActivityState | null;
  activityDetail: string | null;
  activityChanged: boolean;
}

export interface AgentStore {
  /** Insert, or update the existing agent of that name (re-registration); says which happened. */
  upsert(agent: NewAgent): Promise<{ agent: Agent; created: boolean; previous: AgentState | null }>;
  get(id: string): Promise<Agent | null>;
  byTokenHash(hash: string): Promise<{ id: string; name: string; status: AgentState } | null>;
  /** One page in the asked order; `last` is where it ended (null on the last page); `total` only when asked for. */
  page(
    query: AgentPageQuery,
    countTotal: boolean,
  ): Promise<{ items: Agent[]; total: number | null; last: { key: string; id: string } | null }>;
  /** Agents by the status an operator reads, the whole fleet. */
  counts(): Promise<Partial<Record<AgentState, number>>>;
  /** Deletes agents terminated longer ago than `retentionMs` (database time); returns how many. */
  pruneTerminated(retentionMs: number): Promise<number>;
  /** Every agent not offline or terminated, with its active task count: the dispatcher's roster. */
  live(): Promise<Agent[]>;
  /** Records a sign of life (heartbeat or poll); a starting, stopped, unhealthy or offline agent becomes idle. */
  heartbeat(id: string, report: HeartbeatReport): Promise<HeartbeatOutcome | null>;
  /** Puts an idle agent holding no work to sleep, atomically against assignments in flight. */
  sleep(id: string, reason: string): Promise<{ slept: boolean; previous: AgentState; active: number } | null>;
  /**
   * Every status change carries its reason ("drained by alice"): the database writes it into the
   * change's event (`agent:changed`), in the same transaction.
   */
  setStatus(
    id: string,
    status: AgentState,
    reason: string,
    onlyFrom?: AgentState[],
  ): Promise<{ previous: AgentState } | null>;
  /** `stopped` (from one of `onlyFrom`), forgetting the activity of the worker that stopped. */
  markStopped(id: string, onlyFrom: AgentState[], reason: string): Promise<{ previous: AgentState } | null>;
  /** Mark silent agents by database time ("no heartbeat for 30 s"); returns the agents that changed. */
  sweepSilent(
    unhealthyAfterMs: number,
    offlineAfterMs: number,
  ): Promise<{ id: string; previous: AgentState; status: AgentState }[]>;
}
