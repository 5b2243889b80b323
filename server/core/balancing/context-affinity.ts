import type { Agent, Task } from '../model';
import { AssignmentMemory } from './assignment-memory';
import { rankLeastLoaded } from './least-loaded';
import { freeCapacity, rankByScore, round4, withDefaults } from './scoring';
import type { Ranking, RoutingContext, RoutingStrategy } from './strategy';

/** `stickyMs`: how long a task may wait, from when it was queued, for a busy agent holding its context. */
export const CONTEXT_AFFINITY_WEIGHTS = { stickyMs: 30_000 };
export type ContextAffinityWeights = typeof CONTEXT_AFFINITY_WEIGHTS;

/**
 * Sticky by context key: an agent that already holds the task's context reuses it instead of
 * rebuilding it. A busy holder is waited for up to `stickyMs`; after that, or without a
 * context key or holder, the least-loaded agent wins.
 */
export class ContextAffinity implements RoutingStrategy {
  readonly name = 'context-affinity';
  readonly weights: ContextAffinityWeights;
  private readonly memory = new AssignmentMemory();

  constructor(weights: Partial<ContextAffinityWeights> = {}) {
    this.weights = withDefaults(CONTEXT_AFFINITY_WEIGHTS, weights);
  }

  rank(task: Task, eligible: Agent[], ctx: RoutingContext): Ranking {
    const key = task.contextKey;
    if (key === null) return rankLeastLoaded(eligible, ctx.limit, this.memory, { affinity: 0 });
    const scores = new Float64Array(eligible.length);
    let anyHolder = false;
    for (let i = 0; i < eligible.length; i++) {
      const holds = ctx.signals(eligible[i].id).contextKeys.includes(key);
      anyHolder ||= holds;
      // A holder (affinity 1) outranks any non-holder, whose score is at most 1.
      scores[i] = round4((holds ? 1 : 0) + freeCapacity(eligible[i]));
    }
    if (anyHolder) {
      return rankByScore(eligible, ctx.limit, scores, this.memory, (i) => {
        const free = round4(freeCapacity(eligible[i]));
        return { affinity: round4(scores[i] - free), freeCapacity: free };
      });
    }
    const holder = ctx.holders(key)[0];
    const remaining = this.weights.stickyMs - Math.max(0, ctx.now() - task.queuedAt);
    if (holder && remaining > 0) {
      return {
        ranked: [],
        count: eligible.length,
        wait: `waiting for ${holder.name}, which holds context \`${key}\` (fallback in ~${Math.ceil(remaining / 1000)}s)`,
      };
    }
    return rankLeastLoaded(eligible, ctx.limit, this.memory, { affinity: 0 });
  }

  assigned(agentId: string): void {
    this.memory.assigned(agentId);
  }
}
