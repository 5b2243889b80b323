import { z } from 'zod';
import { StrategyConfigInput } from '../balancing/catalog';
import { coefficientOfVariation, replayDecisions, type WhatIfResult } from '../balancing/what-if';
import type { Agent } from '../model';
import { buildHeatmap } from '../metrics/heatmap';
import { SAMPLE_INTERVAL_MS } from '../metrics/sampler';
import { heatmapPlan, heatmapStrideMs, RANGE_MS, seriesPlan } from '../metrics/time-range';
import { TimeRangeInput } from '../metrics/time-range-input';
import type { Store } from '../ports';

export const DistributionInput = z
  .object({
    range: TimeRangeInput.default('15m'),
  })
  .default({ range: '15m' });

export const WhatIfInput = z.object({
  strategy: StrategyConfigInput,
  /** The most recent N recorded decisions are replayed. */
  decisions: z.number().int().min(1).max(5_000).default(500),
  seed: z.number().int().default(1),
});

const routable = (a: Agent) => a.status === 'idle' || a.status === 'busy';
const utilisation = (a: Agent) => (a.maxConcurrency ? Math.min(1, a.activeTasks / a.maxConcurrency) : 0);

/** Where work went and how evenly over a range: per-agent assignments, utilisation now and as a heatmap, imbalance. */
export async function readDistribution(store: Store, raw: z.input<typeof DistributionInput>, now: number) {
  const { range } = DistributionInput.parse(raw);
  const windowMs = RANGE_MS[range];
  const series = seriesPlan(range, now);
  const cells = heatmapPlan(range, now);
  const [assignments, points, samples, agents] = await Promise.all([
    store.stats.assignmentsByAgent(windowMs),
    store.stats.series(series),
    store.stats.utilisationSamples({
      from: cells.from,
      to: cells.to,
      strideMs: heatmapStrideMs(range, SAMPLE_INTERVAL_MS),
    }),
    store.agents.live(),
  ]);
  const live = agents.filter(routable);
  // Samples key agents by id (older ones by name): the live roster names most; the few rows left are looked up.
  const byKey = new Map<string, Agent>();
  for (const a of agents) byKey.set(a.name, a);
  for (const a of agents) byKey.set(a.id, a);
  const named = (key: string) => {
    const a = byKey.get(key);
    return a ? { agentId: a.id, name: a.name } : { agentId: null, name: key };
  };
  const heatmap = buildHeatmap(samples, cells, named);
  await Promise.all(
    heatmap.rows
      .filter((r) => r.agentId === null)
      .map(async (r) => {
        const a = await store.agents.get(r.name);
        if (a) Object.assign(r, { agentId: a.id, name: a.name });
      }),
  );
  return {
    at: now,
    range,
    windowMs,
    assignments,
    agents: live.map((a) => ({
      agentId: a.id,
      agentName: a.name,
      activeTasks: a.activeTasks,
      maxConcurrency: a.maxConcurrency,
      utilisation: utilisation(a),
    })),
    /** Coefficient of variation of utilisation across routable agents: 0 is perfectly even. */
    imbalance: coefficientOfVariation(live.map(utilisation)),
    imbalanceSeries: {
      from: series.from,
      to: series.to,
      bucketMs: series.bucketMs,
      buckets: series.count,
      points: points.map((p) => ({ at: p.at, imbalance: p.imbalance })),
    },
    heatmap,
  };
}

/** Re-runs the latest recorded decisions under another strategy. Pure over stored inputs: live routing is untouched. */
export async function runWhatIf(
  store: Store,
  raw: z.input<typeof WhatIfInput>,
): Promise<WhatIfResult & { from: number | null; to: number | null }> {
  const input = WhatIfInput.parse(raw);
  const recorded = await store.stats.decisionInputs(input.decisions);
  const result = replayDecisions(recorded, input.strategy, input.seed);
  const times = recorded.map((d) => d.decidedAt);
  return { ...result, from: times.length ? Math.min(...times) : null, to: times.length ? Math.max(...times) : null };
}
