import type { Agent, Task } from '../model';
import { AssignmentMemory } from './assignment-memory';
import { compareNames, freeCapacity, round4, toCandidate } from './scoring';
import type { Ranking, RoutingContext, RoutingStrategy } from './strategy';

export const POWER_OF_TWO_WEIGHTS = {} as const;

/**
 * Power of two choices: sample two distinct agents at random, the less loaded wins. Nearly as
 * balanced as least-loaded but O(1) and without herding every dispatcher onto the same agent.
 * Draws exactly two numbers from `ctx.random()` per decision with two or more agents.
 */
export class PowerOfTwo implements RoutingStrategy {
  readonly name = 'power-of-two';
  readonly weights: Record<string, number> = { ...POWER_OF_TWO_WEIGHTS };
  private readonly memory = new AssignmentMemory();

  rank(_task: Task, eligible: Agent[], ctx: RoutingContext): Ranking {
    const n = eligible.length;
    const candidate = (a: Agent) => {
      const free = round4(freeCapacity(a));
      return toCandidate(a, free, { freeCapacity: free, utilisation: round4(1 - free) });
    };
    if (n === 1) return { ranked: [candidate(eligible[0])], count: 1 };
    const i = Math.min(n - 1, Math.floor(ctx.random() * n));
    let j = Math.min(n - 2, Math.floor(ctx.random() * (n - 1)));
    if (j >= i) j++;
    const [x, y] = [eligible[i], eligible[j]];
    const sx = freeCapacity(x);
    const sy = freeCapacity(y);
    const xFirst =
      (round4(sy) - round4(sx) ||
        x.activeTasks - y.activeTasks ||
        this.memory.lastAssigned(x.id) - this.memory.lastAssigned(y.id) ||
        compareNames(x, y)) <= 0;
    const pair = xFirst ? [x, y] : [y, x];
    return { ranked: pair.slice(0, Math.max(1, ctx.limit)).map(candidate), count: n };
  }

  assigned(agentId: string): void {
    this.memory.assigned(agentId);
  }
}
