import { coefficientOfVariation } from '../balancing/what-if';
import type { Agent } from '../model';
import type { Clock, Store } from '../ports';
import { bucketStart } from './time-range';

export const SAMPLE_INTERVAL_MS = 5_000;
/** Samples are kept this long by default: the longest chart range. */
export const DEFAULT_RETENTION_MS = 7 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;
/**
 * Agents whose utilisation each sample keeps (the busiest); the rest are summed into the mean.
 * Bounds a sample to ~1 kB whatever the fleet size (6 hours of raw samples and 7 days rolled up: ~12 MB).
 */
export const UTILISATION_AGENTS = 30;

/** Raw samples are kept this long by default: the 15m, 1h and 6h charts read them at full resolution. */
export const DEFAULT_RAW_MS = 6 * 3_600_000;
/**
 * Older samples become 1-minute rows, and those older than a day 5-minute rows: the 24h chart's
 * 5-minute and the 7d chart's 30-minute buckets hold whole ones. 7 days: ~4,300 raw + ~3,000 rolled rows.
 */
export const ROLLUP_LEVELS = [
  { bucketMs: 60_000, afterMs: null, sourceBucketMs: null },
  { bucketMs: 5 * 60_000, afterMs: 24 * 3_600_000, sourceBucketMs: 60_000 },
] as const;
const ROLLUP_EVERY_MS = 60_000;
/** Time rolled per statement: a server catching up on days of raw samples does it in steps, tick by tick. */
const ROLLUP_SPAN_MS = 2 * 3_600_000;

export interface SampleRetention {
  /** Everything older is deleted. */
  retentionMs: number;
  /** Raw samples older than this are rolled up. */
  rawMs: number;
}

/** Records queue depth, agents and throughput every few seconds (the charts), rolls older samples up, and drops them past retention. */
export class MetricSampler {
  private lastPrune: number | null = null;
  private lastRollUp: number | null = null;
  private readonly retentionMs: number;
  private readonly rawMs: number;

  constructor(
    private readonly store: Store,
    private readonly clock: Pick<Clock, 'now'>,
    keep: Partial<SampleRetention> = {},
  ) {
    this.retentionMs = keep.retentionMs ?? DEFAULT_RETENTION_MS;
    this.rawMs = keep.rawMs ?? DEFAULT_RAW_MS;
  }

  async sample(): Promise<void> {
    const [queued, agents, recent, roster] = await Promise.all([
      this.store.stats.queueDepth(),
      this.store.stats.agentsByStatus(),
      this.store.stats.recent(SAMPLE_INTERVAL_MS),
      this.store.agents.live(),
    ]);
    await this.store.stats.recordSample({
      at: this.clock.now(),
      queued,
      agents,
      succeeded: recent.succeeded,
      failed: recent.failed,
      dispatchP95Ms: recent.dispatchP95Ms,
      ...utilisationOf(roster),
    });
    await this.prune();
    await this.rollUp();
  }

  /** Once an hour (and on the first tick), so a restarted server catches up at once. Returns the samples dropped. */
  async prune(): Promise<number> {
    const now = this.clock.now();
    if (this.lastPrune !== null && now - this.lastPrune < PRUNE_EVERY_MS) return 0;
    this.lastPrune = now;
    return this.store.stats.pruneSamples(now - this.retentionMs);
  }

  /** Once a minute, or on the next tick while behind (a step stopped at its span). Returns the rows rolled. */
  async rollUp(): Promise<number> {
    const now = this.clock.now();
    if (this.lastRollUp !== null && now - this.lastRollUp < ROLLUP_EVERY_MS) return 0;
    let rolled = 0;
    let behind = false;
    for (const level of ROLLUP_LEVELS) {
      const age = level.afterMs === null ? this.rawMs : Math.max(level.afterMs, this.rawMs);
      const step = await this.store.stats.rollUpSamples({
        sourceBucketMs: level.sourceBucketMs,
        bucketMs: level.bucketMs,
        before: bucketStart(now - age, level.bucketMs),
        spanMs: ROLLUP_SPAN_MS,
      });
      rolled += step.rolled;
      behind ||= step.more;
    }
    this.lastRollUp = behind ? null : now;
    return rolled;
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
