import type { Store } from '../ports';

export const SAMPLE_INTERVAL_MS = 5_000;
const RETAIN_MS = 24 * 3600_000;

/** Records queue depth, agents and throughput every few seconds: the dashboard's time series. */
export class MetricSampler {
  private lastPrune = 0;

  constructor(private readonly store: Store) {}

  async sample(): Promise<void> {
    const [queued, agents, recent] = await Promise.all([
      this.store.stats.queueDepth(),
      this.store.stats.agentsByStatus(),
      this.store.stats.recent(SAMPLE_INTERVAL_MS),
    ]);
    await this.store.stats.recordSample({ at: Date.now(), queued, agents, succeeded: recent.succeeded, failed: recent.failed, dispatchP95Ms: recent.dispatchP95Ms });
    if (Date.now() - this.lastPrune > 3600_000) {
      this.lastPrune = Date.now();
      await this.store.stats.pruneSamples(Date.now() - RETAIN_MS);
    }
  }
}
