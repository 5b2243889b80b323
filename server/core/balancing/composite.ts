import type { Agent, Task } from '../model';
import { median } from '../shared/top-k';
import { AssignmentMemory } from './assignment-memory';
import { freeCapacity, proficiency, rankByScore, round4, withDefaults } from './scoring';
import type { AgentSignals, Ranking, RoutingContext, RoutingStrategy } from './strategy';

/**
 * Load weighs most so work spreads; capability fit, affinity and an open/half-open breaker
 * come next; success rate before health and latency, which are noisier. Max score 12.5.
 */
export const COMPOSITE_WEIGHTS = {
  capabilityFit: 2,
  load: 3,
  affinity: 2,
  health: 1,
  successRate: 1.5,
  latency: 1,
  breaker: 2,
};
export type CompositeWeights = typeof COMPOSITE_WEIGHTS;
type Term = keyof CompositeWeights;
const TERMS = Object.keys(COMPOSITE_WEIGHTS) as Term[];
const LATENCY = TERMS.indexOf('latency');
const BREAKER = TERMS.indexOf('breaker');

/** Breaker term: closed 1, open 0; a half-open agent is on probation, so it scores low but not zero. */
const HALF_OPEN = 0.3;
/** Prior for an agent without history: neither rewarded nor punished. */
const SUCCESS_PRIOR = 0.5;

/**
 * The default: score = Σ weight × term, each term normalised to 0..1. Latency is relative to
 * the candidates' median (1 / (1 + latency / median): 0.5 at the median, unknown = 0.5), so
 * the term means the same whether the fleet is fast or slow. Terms record the weighted parts.
 */
export class Composite implements RoutingStrategy {
  readonly name = 'composite';
  readonly weights: CompositeWeights;
  private readonly memory = new AssignmentMemory();

  constructor(weights: Partial<CompositeWeights> = {}) {
    this.weights = withDefaults(COMPOSITE_WEIGHTS, weights);
  }

  rank(task: Task, eligible: Agent[], ctx: RoutingContext): Ranking {
    const n = eligible.length;
    const w = TERMS.map((t) => this.weights[t]);
    const parts = new Float64Array(TERMS.length);
    const scores = new Float64Array(n);
    const latencies = new Float64Array(n);
    const known: number[] = [];
    // One pass over agents and signals (the cache-missing part); latency waits for the median.
    for (let i = 0; i < n; i++) {
      const s = ctx.signals(eligible[i].id);
      normalisedTerms(task, eligible[i], s, parts);
      let sum = 0;
      for (let k = 0; k < parts.length; k++) sum += w[k] * parts[k];
      scores[i] = sum;
      latencies[i] = s.latencyMs ?? Number.NaN;
      if (s.latencyMs !== null) known.push(s.latencyMs);
    }
    // At least 1 ms, so a fleet of instant agents does not divide by zero.
    const reference = Math.max(1, median(known) ?? 1);
    for (let i = 0; i < n; i++) scores[i] = round4(scores[i] + w[LATENCY] * latencyTerm(latencies[i], reference));
    // Terms are the weighted parts, rounded for display (their sum may differ from the score by 1e-4).
    return rankByScore(eligible, ctx.limit, scores, this.memory, (i) => {
      const s = ctx.signals(eligible[i].id);
      normalisedTerms(task, eligible[i], s, parts);
      parts[LATENCY] = latencyTerm(s.latencyMs ?? Number.NaN, reference);
      const terms: Record<string, number> = {};
      TERMS.forEach((t, k) => (terms[t] = round4(w[k] * parts[k])));
      return terms;
    });
  }

  assigned(agentId: string): void {
    this.memory.assigned(agentId);
  }
}

/** Writes each term normalised to 0..1 and unweighted into `out` (TERMS order), latency as 0 for now. */
function normalisedTerms(task: Task, a: Agent, s: AgentSignals, out: Float64Array): void {
  const key = task.contextKey;
  out[0] = proficiency(task, a);
  out[1] = freeCapacity(a);
  out[2] = key !== null && s.contextKeys.length > 0 && s.contextKeys.includes(key) ? 1 : 0;
  out[3] = Math.min(1, Math.max(0, s.health));
  out[4] = s.successRate ?? SUCCESS_PRIOR;
  out[LATENCY] = 0;
  out[BREAKER] = s.breaker === 'closed' ? 1 : s.breaker === 'open' ? 0 : HALF_OPEN;
}

/** 0.5 at the reference (median) latency, towards 1 when faster; unknown (NaN) is neutral 0.5. */
const latencyTerm = (latencyMs: number, reference: number): number =>
  Number.isNaN(latencyMs) ? 0.5 : 1 / (1 + Math.max(0, latencyMs) / reference);
