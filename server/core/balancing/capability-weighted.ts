import type { Agent, Task } from '../model';
import { AssignmentMemory } from './assignment-memory';
import { freeCapacity, proficiency, rankByScore, round4, withDefaults } from './scoring';
import type { Ranking, RoutingContext, RoutingStrategy } from './strategy';

/**
 * Exponents of score = proficiency^proficiency × freeCapacity^load: raising one sharpens its
 * influence, 0 ignores it (proficiency 0, load 1 is least-loaded).
 */
export const CAPABILITY_WEIGHTED_WEIGHTS = { proficiency: 1, load: 1 };
export type CapabilityWeightedWeights = typeof CAPABILITY_WEIGHTED_WEIGHTS;

/** The most proficient agent on the task's capabilities wins, discounted by how busy it is. */
export class CapabilityWeighted implements RoutingStrategy {
  readonly name = 'capability-weighted';
  readonly weights: CapabilityWeightedWeights;
  private readonly memory = new AssignmentMemory();

  constructor(weights: Partial<CapabilityWeightedWeights> = {}) {
    this.weights = withDefaults(CAPABILITY_WEIGHTED_WEIGHTS, weights);
  }

  rank(task: Task, eligible: Agent[], ctx: RoutingContext): Ranking {
    const { proficiency: p, load: l } = this.weights;
    const scores = new Float64Array(eligible.length);
    for (let i = 0; i < eligible.length; i++) {
      const a = eligible[i];
      scores[i] = round4(proficiency(task, a) ** p * freeCapacity(a) ** l);
    }
    return rankByScore(eligible, ctx.limit, scores, this.memory, (i) => ({
      proficiency: round4(proficiency(task, eligible[i])),
      freeCapacity: round4(freeCapacity(eligible[i])),
    }));
  }

  assigned(agentId: string): void {
    this.memory.assigned(agentId);
  }
}
