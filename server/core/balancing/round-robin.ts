import type { Agent, Task } from '../model';
import { topKIndices } from '../shared/top-k';
import { round4, toCandidate } from './scoring';
import type { Ranking, RoutingContext, RoutingStrategy } from './strategy';

export const ROUND_ROBIN_WEIGHTS = {} as const;

/**
 * Takes turns in a stable order by agent id (roughly registration order), resuming after the
 * last winner. The cursor is an id, not an index, so agents joining or leaving neither reset
 * the cycle nor make anyone skip a turn: a newcomer is served when the cycle reaches it.
 */
export class RoundRobin implements RoutingStrategy {
  readonly name = 'round-robin';
  readonly weights: Record<string, number> = { ...ROUND_ROBIN_WEIGHTS };
  private last: string | null = null;

  rank(_task: Task, eligible: Agent[], ctx: RoutingContext): Ranking {
    const last = this.last;
    // Agents after the cursor come first (in id order), then the wrap-around.
    const lap = (a: Agent) => (last === null || a.id > last ? 0 : 1);
    const order = topKIndices(eligible.length, Math.max(1, ctx.limit), (i, j) => {
      const x = eligible[i];
      const y = eligible[j];
      return lap(x) - lap(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
    });
    const count = eligible.length;
    return {
      ranked: order.map((i, position) => toCandidate(eligible[i], round4(1 - position / count), { position })),
      count,
    };
  }

  assigned(agentId: string): void {
    this.last = agentId;
  }
}
