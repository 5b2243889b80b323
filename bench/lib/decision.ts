import { Composite } from '../../server/core/balancing/composite';
import { LeastLoaded } from '../../server/core/balancing/least-loaded';
import {
  NEUTRAL_SIGNALS,
  type AgentSignals,
  type RoutingContext,
  type RoutingStrategy,
} from '../../server/core/balancing/strategy';
import type { Agent } from '../../server/core/model';
import { decide, MAX_CANDIDATES_RECORDED } from '../../server/core/scheduler/decide';
import { RosterIndex } from '../../server/core/scheduler/roster-index';
import { syntheticFleet } from '../../server/core/scheduler/synthetic-fleet';
import type { Row } from './report';
import { percentile } from './stats';

export const DECISION_STRATEGIES = ['least-loaded', 'composite'] as const;
export type DecisionStrategy = (typeof DECISION_STRATEGIES)[number];
/** SPEC: a whole decision at 10,000 agents within 1 ms at p99, in the core. */
export const DECISION_P99_FLOOR_US = 1_000;

export interface DecisionBenchOptions {
  agents: number;
  capabilities?: number;
  decisions: number;
  seed?: number;
  strategy?: DecisionStrategy;
  /** Decisions per simulated dispatch pass; the roster index is rebuilt (untimed) between passes. */
  passSize?: number;
  /** Untimed decisions first, so the JIT has compiled the hot path. */
  warmup?: number;
  progress?: (done: number, total: number) => void;
}

export interface DecisionBenchResult {
  agents: number;
  strategy: DecisionStrategy;
  decisions: number;
  /** Decisions that chose an agent (the rest found nobody eligible). */
  assigned: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
}

/**
 * Whole decisions (eligibility from the roster index, strategy rank with limit 25, decision
 * record) on a seeded synthetic fleet: 3–8 of `capabilities` capabilities per agent, tasks
 * needing 1–2. In process, no server or database.
 */
export function benchDecisions(opts: DecisionBenchOptions): DecisionBenchResult {
  const seed = opts.seed ?? 1;
  const strategyName = opts.strategy ?? 'least-loaded';
  const fleet = syntheticFleet({ agents: opts.agents, capabilities: opts.capabilities ?? 50, seed });
  const strategy: RoutingStrategy = strategyName === 'composite' ? new Composite() : new LeastLoaded();
  const passSize = opts.passSize ?? 200;
  const warmup = opts.warmup ?? 300;
  const total = warmup + opts.decisions;
  const samples = new Float64Array(opts.decisions);
  let assigned = 0;
  let index = new RosterIndex([]);
  let ctx: RoutingContext | null = null;
  for (let n = 0; n < total; n++) {
    if (n % passSize === 0) {
      // Each pass starts from the fleet's own load, as a pass starts from the store's roster.
      index = new RosterIndex(fleet.agents.map((a) => ({ ...a })));
      ctx = contextFor(index, fleet.signals, fleet.random);
    }
    const task = fleet.task(`tsk_${n}`);
    const started = performance.now();
    const outcome = decide(task, index, strategy, ctx!);
    const us = (performance.now() - started) * 1000;
    if (n < warmup) continue;
    samples[n - warmup] = us;
    if (outcome.kind === 'assign') assigned++;
    if ((n + 1) % 100 === 0 || n === total - 1) opts.progress?.(n + 1 - warmup, opts.decisions);
  }
  const sorted = Array.from(samples.sort());
  const round = (us: number) => Math.round(us * 10) / 10;
  return {
    agents: opts.agents,
    strategy: strategyName,
    decisions: opts.decisions,
    assigned,
    p50Us: round(percentile(sorted, 50)),
    p99Us: round(percentile(sorted, 99)),
    maxUs: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/** Every strategy at every fleet size; `progress` counts decisions over the whole run. */
export function benchDecisionScales(
  opts: {
    sizes?: number[];
    decisions?: number;
    seed?: number;
    progress?: (done: number, total: number) => void;
  } = {},
): DecisionBenchResult[] {
  const sizes = opts.sizes ?? [100, 1_000, 10_000];
  const decisions = opts.decisions ?? 2_000;
  const total = sizes.length * DECISION_STRATEGIES.length * decisions;
  const results: DecisionBenchResult[] = [];
  for (const strategy of DECISION_STRATEGIES) {
    for (const agents of sizes) {
      const before = results.length * decisions;
      results.push(
        benchDecisions({
          agents,
          decisions,
          strategy,
          seed: opts.seed,
          progress: (done) => opts.progress?.(before + done, total),
        }),
      );
    }
  }
  return results;
}

/** Rows for bench/run.ts's table; the floor applies at 10,000 agents and above. */
export function decisionRows(results: DecisionBenchResult[]): Row[] {
  return results.map((r) => {
    const gated = r.agents >= 10_000;
    return {
      scenario: `routing decision (in-process, ${r.strategy})`,
      metric: `${r.agents.toLocaleString('en-US')} agents p50 / p99 / max`,
      value: `${r.p50Us} / ${r.p99Us} / ${r.maxUs} µs`,
      floor: gated ? `p99 ≤ ${DECISION_P99_FLOOR_US} µs` : '',
      result: gated ? (r.p99Us <= DECISION_P99_FLOOR_US ? 'pass' : 'FAIL') : '',
    };
  });
}

function contextFor(index: RosterIndex, signals: Map<string, AgentSignals>, random: () => number): RoutingContext {
  const holders = new Map<string, Agent[]>();
  for (const a of index.agents) {
    for (const key of signals.get(a.id)?.contextKeys ?? []) {
      if (!holders.has(key)) holders.set(key, []);
      holders.get(key)!.push(a);
    }
  }
  return {
    now: () => 1_700_000_000_000,
    random,
    signals: (id) => signals.get(id) ?? NEUTRAL_SIGNALS,
    holders: (key) => holders.get(key) ?? [],
    limit: MAX_CANDIDATES_RECORDED,
  };
}
