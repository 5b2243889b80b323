import { coefficientOfVariation } from '../balancing/what-if';
import type { Agent } from '../model';
import type { Clock, Store } from '../ports';

export const SAMPLE_INTERVAL_MS = 5_000;
/** Samples are kept this long by default: the longest chart range. */
export const DEFAULT_RETENTION_MS = 7 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;
/**
 * Agents whose utilisation each sample keeps (the busiest); the rest are summed into the mean.
 * Bounds a sample to ~1 kB whatever the fleet size (7 days of 5 s samples: ~120 MB).
 */
export const UTILISATION_AGENTS = 30;

/** Records queue depth, agents and throughput every few seconds (the charts), and drops samples past retention. */
export class MetricSampler {
  private lastPrune: number | null = null;

  constructor(private readonly store: Store, private readonly clock: Pick<Clock, 'now'>, private readonly retentionMs = DEFAULT_RETENTION_MS) {}

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
    await this.prune();
  }

  /** Once an hour (and on the first tick), so a restarted server catches up at once. Returns the samples dropped. */
  async prune(): Promise<number> {
    const now = this.clock.now();
    if (this.lastPrune !== null && now - this.lastPrune < PRUNE_EVERY_MS) return 0;
    this.lastPrune = now;
    return this.store.stats.pruneSamples(now - this.retentionMs);
  }
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** Utilisation of the busiest routable agents by id, their mean and count, and the imbalance across all of them. */
export function utilisationOf(roster: Agent[]) {
  const routable = roster.filter((a) => (a.status === 'idle' || a.status === 'busy') && a.maxConcurrency > 0);
  if (!routable.length) return { imbalance: null, utilisation: {}, utilisationMean: null, routableAgents: 0 };
  const used = routable.map((a) => ({ id: a.id, name: a.name, u: Math.min(1, a.activeTasks / a.maxConcurrency) }));
  const busiest = [...used].sort((x, y) => y.u - x.u || (x.name < y.name ? -1 : 1)).slice(0, UTILISATION_AGENTS);
  return {
    imbalance: round4(coefficientOfVariation(used.map((x) => x.u))),
    utilisation: Object.fromEntries(busiest.map((x) => [x.id, round4(x.u)])),
    utilisationMean: round4(used.reduce((s, x) => s + x.u, 0) / used.length),
    routableAgents: used.length,
  };
}
