import type { RecordedDecisionInput } from '../balancing/what-if';
import type { AgentState, Priority } from '../model';

/** What the dashboard's figures and charts need of storage. The adapters implement these; the core depends on nothing else. */

export interface StatsStore {
  queueDepth(): Promise<Record<Priority, number>>;
  /** Agents per shown state (`busy` is an idle agent holding work). */
  agentsByStatus(): Promise<Record<AgentState, number>>;
  activeCounts(): Promise<{ assigned: number; running: number }>;
  /** Finished tasks and dispatch latency over the last `windowMs`. */
  recent(
    windowMs: number,
  ): Promise<{ succeeded: number; failed: number; dispatchP95Ms: number | null; dispatchP50Ms: number | null }>;
  /** Finished tasks only, over the last `windowMs` (no latency sort: cheap over long windows). */
  finishedCounts(windowMs: number): Promise<{ succeeded: number; failed: number }>;
  /** Routing decision time (the decision records' `durationUs`) over the last `windowMs`. */
  decisionTimes(windowMs: number): Promise<{ p50Us: number | null; p95Us: number | null }>;
  recordSample(sample: MetricSample): Promise<void>;
  /** The newest `limit` decisions with their replay inputs, oldest first (what-if). */
  decisionInputs(limit: number): Promise<RecordedDecisionInput[]>;
  /** Deletes all but the newest `keep` decision records; returns how many went. */
  pruneDecisions(keep: number): Promise<number>;
  /** Assignments per winning agent over the last `windowMs`, most first. */
  assignmentsByAgent(windowMs: number): Promise<{ agentId: string; agentName: string; assignments: number }[]>;
  /** Samples in [from, to) aggregated per `bucketMs` (epoch-aligned): sums for counts, means for levels, max for p95. */
  series(window: { from: number; to: number; bucketMs: number }): Promise<SeriesPoint[]>;
  /** Per-agent utilisation of about one sample per `strideMs` in [from, to) (a heatmap needs levels, not every row). */
  utilisationSamples(window: { from: number; to: number; strideMs: number }): Promise<UtilisationSample[]>;
  /** Deletes samples and rolled-up rows older than the instant; returns how many went. */
  pruneSamples(olderThanMs: number): Promise<number>;
  /** Rolls rows older than `step.before` into coarser ones (see RollUpStep); `more` when `spanMs` stopped it early. */
  rollUpSamples(step: RollUpStep): Promise<{ rolled: number; more: boolean }>;
}

/** One roll-up pass: source rows (raw samples when `sourceBucketMs` is null) before `before` into `bucketMs` rows. */
export interface RollUpStep {
  sourceBucketMs: number | null;
  bucketMs: number;
  /** A multiple of `bucketMs`, so every bucket rolled is complete. */
  before: number;
  /** At most this much time per call (bounds the statement when catching up). */
  spanMs: number;
}

/** One bucket of the time series: `at` is the bucket start; counts are summed, levels averaged. */
export interface SeriesPoint {
  at: number;
  queued: Record<Priority, number>;
  agents: Record<AgentState, number>;
  succeeded: number;
  failed: number;
  dispatchP95Ms: number | null;
  imbalance: number | null;
}

export interface UtilisationSample {
  at: number;
  /** Utilisation (0..1) of the busiest agents, keyed by agent id (older samples: by name). */
  utilisation: Record<string, number>;
  /** Mean utilisation across all routable agents, and how many there were. */
  mean: number | null;
  agents: number;
}

export interface MetricSample {
  at: number;
  /** Coefficient of variation of utilisation across routable agents (null in old samples). */
  imbalance: number | null;
  /** Utilisation (0..1) of the busiest agents by id, bounded so samples stay small. */
  utilisation: Record<string, number>;
  /** Mean utilisation across all routable agents (the heatmap's "others" row comes from it), and their count. */
  utilisationMean: number | null;
  routableAgents: number;
  queued: Record<Priority, number>;
  agents: Record<AgentState, number>;
  succeeded: number;
  failed: number;
  dispatchP95Ms: number | null;
}
