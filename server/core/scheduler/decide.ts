import type { AgentSignals, RoutingContext, RoutingStrategy } from '../balancing/strategy';
import type { AssignmentDecision, Capability, Task } from '../model';
import { newId } from '../shared/ids';
import { describeExcluded, findEligible } from './eligibility';
import type { RosterIndex } from './roster-index';

/** Candidates a decision records (and the `limit` strategies rank to); `candidateCount` counts them all. */
export const MAX_CANDIDATES_RECORDED = 25;

/** The inputs a what-if replay needs for one recorded candidate, beyond its CandidateScore. */
export interface CandidateSnapshot {
  agentId: string;
  capabilities: Capability[];
  signals: AgentSignals;
}

/** A decision record plus the strategy's weights and, per recorded candidate, its inputs. */
export type RecordedDecision = AssignmentDecision & {
  weights: Record<string, number>;
  /** Aligned with `candidates`. */
  snapshot: CandidateSnapshot[];
};

export type DecisionOutcome =
  | { kind: 'none' }
  | { kind: 'wait'; reason: string }
  | { kind: 'assign'; agentIndex: number; decision: RecordedDecision };

/**
 * One task: the eligible agents from the index, the strategy's ranking, and the record. On
 * `assign` the winner's slot is already counted in the index and told to the strategy.
 * `durationUs` covers all of it, the record included.
 */
export function decide(
  task: Task,
  index: RosterIndex,
  strategy: RoutingStrategy,
  ctx: RoutingContext,
): DecisionOutcome {
  const started = performance.now();
  const found = findEligible(task, index, ctx.signals);
  if (!found.agents.length) return { kind: 'none' };
  const ranking = strategy.rank(task, found.agents, ctx);
  if (ranking.wait !== undefined) return { kind: 'wait', reason: ranking.wait };
  const winner = ranking.ranked[0];
  const agentIndex = winner ? index.indexOf(winner.agentId) : -1;
  // A strategy must rank an eligible agent first; anything else leaves the task queued.
  if (agentIndex < 0) return { kind: 'none' };
  const { excluded, excludedCount } = describeExcluded(task, index, found, ctx.signals);
  const candidates =
    ranking.ranked.length > MAX_CANDIDATES_RECORDED ? ranking.ranked.slice(0, MAX_CANDIDATES_RECORDED) : ranking.ranked;
  const snapshot = candidates.map((c) =>
    snapshotOf(task, index.agents[index.indexOf(c.agentId)]?.capabilities ?? [], c.agentId, ctx),
  );
  index.assigned(agentIndex);
  strategy.assigned?.(winner.agentId);
  const decision: RecordedDecision = {
    id: newId('dec', ctx.now()),
    taskId: task.id,
    attempt: task.attempt + 1,
    strategy: strategy.name,
    winnerAgentId: winner.agentId,
    winnerAgentName: winner.agentName,
    candidates,
    candidateCount: ranking.count,
    excluded,
    excludedCount,
    decidedAt: ctx.now(),
    durationUs: 0,
    weights: { ...strategy.weights },
    snapshot,
  };
  decision.durationUs = Math.round((performance.now() - started) * 1000);
  return { kind: 'assign', agentIndex, decision };
}

/**
 * What a replay of this decision needs of one candidate, and no more (one is stored per
 * candidate per decision): its proficiency on the task's capabilities, and whether it holds
 * the task's context rather than every key it holds.
 */
function snapshotOf(task: Task, capabilities: Capability[], agentId: string, ctx: RoutingContext): CandidateSnapshot {
  const signals = ctx.signals(agentId);
  const holds = task.contextKey !== null && signals.contextKeys.includes(task.contextKey);
  return {
    agentId,
    capabilities: capabilities.filter((c) => task.capabilities.includes(c.name)),
    signals: { ...signals, contextKeys: holds ? [task.contextKey as string] : [] },
  };
}
