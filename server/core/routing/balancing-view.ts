import { z } from 'zod';
import { StrategyConfigInput } from '../balancing/catalog';
import { coefficientOfVariation, replayDecisions, type WhatIfResult } from '../balancing/what-if';
import type { Agent } from '../model';
import type { Store } from '../ports';

export const DistributionInput = z.object({
  windowMs: z.number().int().min(60_000).max(24 * 3600_000).default(15 * 60_000),
}).default({ windowMs: 15 * 60_000 });

export const WhatIfInput = z.object({
  strategy: StrategyConfigInput,
  /** The most recent N recorded decisions are replayed. */
  decisions: z.number().int().min(1).max(5_000).default(500),
  seed: z.number().int().default(1),
});

const routable = (a: Agent) => a.status === 'idle' || a.status === 'busy';
const utilisation = (a: Agent) => (a.maxConcurrency ? Math.min(1, a.activeTasks / a.maxConcurrency) : 0);

/** Where work went and how evenly: per-agent assignments, utilisation now and over time, imbalance. */
export async function readDistribution(store: Store, raw: z.input<typeof DistributionInput>, now: number) {
  const { windowMs } = DistributionInput.parse(raw);
  const [assignments, samples, roster] = await Promise.all([
    store.stats.assignmentsByAgent(windowMs),
    store.stats.samples(now - windowMs),
    store.agents.live(),
  ]);
  const live = roster.filter(routable);
  return {
    at: now,
    windowMs,
    assignments,
    agents: live.map((a) => ({ agentId: a.id, agentName: a.name, activeTasks: a.activeTasks, maxConcurrency: a.maxConcurrency, utilisation: utilisation(a) })),
    /** Coefficient of variation of utilisation across routable agents: 0 is perfectly even. */
    imbalance: coefficientOfVariation(live.map(utilisation)),
    series: samples.map((s) => ({ at: s.at, imbalance: s.imbalance, utilisation: s.utilisation })),
  };
}

/** Re-runs the latest recorded decisions under another strategy. Pure over stored inputs: live routing is untouched. */
export async function runWhatIf(store: Store, raw: z.input<typeof WhatIfInput>): Promise<WhatIfResult & { from: number | null; to: number | null }> {
  const input = WhatIfInput.parse(raw);
  const recorded = await store.stats.decisionInputs(input.decisions);
  const result = replayDecisions(recorded, input.strategy, input.seed);
  const times = recorded.map((d) => d.decidedAt);
  return { ...result, from: times.length ? Math.min(...times) : null, to: times.length ? Math.max(...times) : null };
}
