import type { Agent, CandidateScore, Task } from '../model';
import type { RoutingStrategy } from './strategy';

/**
 * The agent with the most free capacity wins (1 − active/max). Ties go to the agent
 * assigned least recently, so equal agents share the work instead of one taking all.
 */
export class LeastLoaded implements RoutingStrategy {
  readonly name = 'least-loaded';
  private seq = 0;
  private lastAssigned = new Map<string, number>();

  rank(_task: Task, eligible: Agent[]): CandidateScore[] {
    return eligible
      .map((a) => {
        const utilisation = a.activeTasks / a.maxConcurrency;
        return {
          agentId: a.id,
          agentName: a.name,
          score: round(1 - utilisation),
          activeTasks: a.activeTasks,
          maxConcurrency: a.maxConcurrency,
          terms: { freeCapacity: round(1 - utilisation), utilisation: round(utilisation) },
        };
      })
      .sort((x, y) =>
        y.score - x.score ||
        x.activeTasks - y.activeTasks ||
        (this.lastAssigned.get(x.agentId) ?? -1) - (this.lastAssigned.get(y.agentId) ?? -1) ||
        x.agentName.localeCompare(y.agentName));
  }

  assigned(agentId: string): void {
    this.lastAssigned.set(agentId, this.seq++);
    // Keep memory bounded when agents come and go.
    if (this.lastAssigned.size > 100_000) this.lastAssigned.clear();
  }
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;
