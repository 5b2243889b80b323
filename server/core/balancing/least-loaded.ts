import type { Agent, Task } from '../model';
import { AssignmentMemory } from './assignment-memory';
import { freeCapacity, rankByScore, round4 } from './scoring';
import type { Ranking, RoutingContext, RoutingStrategy } from './strategy';

export const LEAST_LOADED_WEIGHTS = {} as const;

/**
 * The agent with the most free capacity wins (1 − active/max). Ties go to fewer active tasks,
 * then the agent assigned least recently, so equal agents share the work instead of one taking all.
 */
export class LeastLoaded implements RoutingStrategy {
  readonly name = 'least-loaded';
  readonly weights: Record<string, number> = { ...LEAST_LOADED_WEIGHTS };
  private readonly memory = new AssignmentMemory();

  rank(_task: Task, eligible: Agent[], ctx: RoutingContext): Ranking {
    return rankLeastLoaded(eligible, ctx.limit, this.memory);
  }

  assigned(agentId: string): void {
    this.memory.assigned(agentId);
  }
}

/** Least-loaded ranking, shared with the strategies that fall back to it. */
export function rankLeastLoaded(
  eligible: Agent[],
  limit: number,
  memory: AssignmentMemory,
  extra?: Record<string, number>,
): Ranking {
  const scores = new Float64Array(eligible.length);
  for (let i = 0; i < eligible.length; i++) scores[i] = round4(freeCapacity(eligible[i]));
  return rankByScore(eligible, limit, scores, memory, (i) => ({
    ...extra,
    freeCapacity: scores[i],
    utilisation: round4(1 - scores[i]),
  }));
}
