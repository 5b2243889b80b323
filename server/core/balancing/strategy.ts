import type { Agent, CandidateScore, Task } from '../model';

/** A routing strategy ranks the eligible agents for one task; the dispatcher records the result. */
export interface RoutingStrategy {
  readonly name: string;
  /** `eligible` is never empty; returns every candidate's score, best first. */
  rank(task: Task, eligible: Agent[]): CandidateScore[];
  /** Called after the winner is chosen, so stateful strategies can remember it. */
  assigned?(agentId: string): void;
}
