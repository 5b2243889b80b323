import type { Agent, CandidateScore, Task } from '../model';

/**
 * What routing knows about an agent beyond its row. Recorded with each decision (per candidate)
 * so a what-if replay sees exactly the inputs the live decision saw.
 */
export interface AgentSignals {
  /** Context keys the agent holds (from its recent tasks' `contextKey`), most recent first. */
  contextKeys: string[];
  /** Share of the agent's recent finished attempts that succeeded; null without history. */
  successRate: number | null;
  /** Median duration of the agent's recent successful attempts in ms; null without history. */
  latencyMs: number | null;
  /** 1 = heartbeats on time, falling towards 0 as they get late. */
  health: number;
  /** Circuit breaker of the agent (issue 4 fills it; `closed` until then). */
  breaker: 'closed' | 'half-open' | 'open';
}

export const NEUTRAL_SIGNALS: AgentSignals = {
  contextKeys: [],
  successRate: null,
  latencyMs: null,
  health: 1,
  breaker: 'closed',
};

/** Everything a strategy may consult besides the task and the eligible agents. Deterministic in tests. */
export interface RoutingContext {
  now(): number;
  /** Uniform in [0, 1); seeded in tests and replays. */
  random(): number;
  signals(agentId: string): AgentSignals;
  /**
   * Live agents holding `contextKey` whether or not they are free right now (context-affinity
   * waits for a busy holder for a bounded time).
   */
  holders(contextKey: string): Agent[];
  /** Most candidates to return ranked; the rest are only counted (10,000 agents must stay cheap). */
  limit: number;
}

export interface Ranking {
  /** The best `limit` candidates, best first; empty only when `wait` is set. */
  ranked: CandidateScore[];
  /** Every eligible agent the strategy scored. */
  count: number;
  /**
   * Set when the strategy prefers to leave the task queued for now (e.g. its context holder is
   * busy and the fallback delay has not passed); becomes the task's pending reason.
   */
  wait?: string;
}

/** A routing strategy ranks the eligible agents for one task; the dispatcher records the result. */
export interface RoutingStrategy {
  readonly name: string;
  /** The weights or parameters in effect, shown in the UI and stored with each decision. */
  readonly weights: Record<string, number>;
  /** `eligible` is never empty: capable, free, routable agents. */
  rank(task: Task, eligible: Agent[], ctx: RoutingContext): Ranking;
  /** Called after the winner is chosen, so stateful strategies (round-robin, tie-breaks) can remember it. */
  assigned?(agentId: string): void;
}
