import type { CoreDeps, CoreModule } from '../shared/core-module';
import { Ticker } from '../shared/ticker';
import { MetricSampler, SAMPLE_INTERVAL_MS } from './sampler';

/** The samples behind the dashboard's charts, taken on one loop and kept for their retention. */
export function createMetricsModule(
  { store, clock, log }: CoreDeps,
  opts: { sampleIntervalMs?: number; retentionMs?: number; rawMs?: number },
) {
  const sampler = new MetricSampler(store, clock, { retentionMs: opts.retentionMs, rawMs: opts.rawMs });
  const module: CoreModule = {
    name: 'metrics',
    loops: [
      // One sample per interval for the cluster (it reads the shared tables), rolled up and pruned with it.
      new Ticker('metric-sampler', opts.sampleIntervalMs ?? SAMPLE_INTERVAL_MS, () => sampler.sample(), clock, log, {
        scope: 'cluster',
      }),
    ],
  };
  return { module };
}
