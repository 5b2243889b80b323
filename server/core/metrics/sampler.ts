import { coefficientOfVariation } from '../balancing/what-if';
import type { Agent } from '../model';
import type { Store, Clock } from '../ports';

export const SAMPLE_INTERVAL_MS = 5_000;
const RETAIN_MS = 24 * 3600_000;
/** Agents whose utilisation each sample keeps (the busiest): a chart of thousands of lines says nothing. */
export const UTILISATION_AGENTS = 20;

/** Records queue depth, agents and throughput every few seconds: the dashboard's time series. */
export class MetricSampler {
  private lastPrune = 0;

  constructor(private readonly store: Store, private readonly clock: Clock) {}

  async sample(): Promise<void> {
    const [queued, agents, recent, roster] = await Promise.all([
      this.store.stats.queueDepth(),
      this.store.stats.agentsByStatus(),
      this.store.stats.recent(SAMPLE_INTERVAL_MS),
      this.store.agents.live(),
    ]);
    await this.store.stats.recordSample({
      at: this.clock.now(), queued, agents, succeeded: recent.succeeded, failed: recent.failed, dispatchP95Ms: recent.dispatchP95Ms, ...utilisationOf(roster),
    });
    const now = this.clock.now();
    if (now - this.lastPrune > 3600_000) {
      this.lastPrune = now;
      await this.store.stats.pruneSamples(now - RETAIN_MS);
    }
  }
}

/** Utilisation of the busiest routable agents, and the imbalance across all of them. */
export function utilisationOf(roster: Agent[]): { imbalance: number | null; utilisation: Record<string, number> } {
  const routable = roster.filter((a) => (a.status === 'idle' || a.status === 'busy') && a.maxConcurrency > 0);
  if (!routable.length) return { imbalance: null, utilisation: {} };
  const used = routable.map((a) => ({ name: a.name, u: Math.min(1, a.activeTasks / a.maxConcurrency) }));
  const busiest = [...used].sort((x, y) => y.u - x.u || (x.name < y.name ? -1 : 1)).slice(0, UTILISATION_AGENTS);
  return {
    imbalance: Math.round(coefficientOfVariation(used.map((x) => x.u)) * 1e4) / 1e4,
    utilisation: Object.fromEntries(busiest.map((x) => [x.name, Math.round(x.u * 1e4) / 1e4])),
  };
}
