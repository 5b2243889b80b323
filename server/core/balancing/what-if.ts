import type { Agent, Capability, Priority, Task } from '../model';
import { agentStatus } from '../registry/agent-status';
import { seededRandom } from '../shared/random';
import { median } from '../shared/top-k';
import { createStrategy, type StrategyConfig } from './catalog';
import { round4 } from './scoring';
import { NEUTRAL_SIGNALS, type AgentSignals, type RoutingContext } from './strategy';

/** One candidate as the live decision saw it. */
export interface RecordedCandidate {
  agentId: string;
  agentName: string;
  activeTasks: number;
  maxConcurrency: number;
  capabilities: Capability[];
  signals: AgentSignals;
}

/** What the dispatcher stores per decision so it can be replayed under another strategy. */
export interface RecordedDecisionInput {
  decisionId: string;
  taskId: string;
  task: { capabilities: string[]; priority: Priority; contextKey: string | null; queuedAt: number };
  decidedAt: number;
  winnerAgentId: string;
  candidates: RecordedCandidate[];
}

export interface WhatIfOptions {
  /** Service time assumed when no candidate in the window has a known latency. */
  defaultServiceMs?: number;
  /** Candidates each replayed ranking keeps (only the winner is used). */
  limit?: number;
}

export interface WhatIfResult {
  strategy: string;
  weights: Record<string, number>;
  decisions: number;
  /** Decisions whose replayed winner differs from the recorded one (deferred ones included). */
  changed: number;
  /** Decisions the replayed strategy would have left queued (it asked to wait). */
  deferred: number;
  perAgent: Array<{ agentId: string; agentName: string; recorded: number; replayed: number }>;
  /** Coefficient of variation of assignments per concurrency slot, over the agents seen. */
  imbalance: { recorded: number; replayed: number };
  /** Mean estimated wait per decision for a free slot on the chosen agent, in ms. */
  expectedWaitMs: { recorded: number; replayed: number };
}

interface InService {
  agentId: string;
  until: number;
}

/**
 * Replays recorded decisions, in time order, under `config` with a fresh strategy, a seeded
 * random source and each decision's recorded snapshot. Load is simulated: an assignment keeps
 * its agent busy for the agent's recorded latency (else the window's median latency, else
 * `defaultServiceMs`), and an agent's load in decision i is its recorded activeTasks plus the
 * replay's assignments still in service minus the recorded ones still in service, clamped to
 * [0, max] for ranking. Signals (health, held contexts…) are taken as recorded.
 *
 * Expected wait: an assignment to an agent whose unclamped load L is at or over its maximum
 * m waits for L − m + 1 completions, at m per service time: S × (L − m + 1) / m. The recorded
 * run uses the recorded activeTasks, so it is 0 unless snapshots were taken at capacity.
 */
export function replayDecisions(
  decisions: RecordedDecisionInput[],
  config: StrategyConfig,
  seed: number,
  options: WhatIfOptions = {},
): WhatIfResult {
  const strategy = createStrategy(config);
  const random = seededRandom(seed);
  const ordered = decisions
    .map((d, i) => ({ d, i }))
    .sort((x, y) => x.d.decidedAt - y.d.decidedAt || x.i - y.i)
    .map((x) => x.d);
  const windowMedian = median(
    ordered.flatMap((d) => d.candidates.flatMap((c) => (c.signals.latencyMs === null ? [] : [c.signals.latencyMs]))),
  );
  const fallbackServiceMs = windowMedian ?? options.defaultServiceMs ?? 60_000;
  const agents = new Map<string, { agentName: string; maxConcurrency: number; recorded: number; replayed: number }>();
  let recordedRun: InService[] = [];
  let replayRun: InService[] = [];
  let changed = 0;
  let deferred = 0;
  let recordedWait = 0;
  let replayedWait = 0;

  for (const d of ordered) {
    for (const c of d.candidates) {
      const seen = agents.get(c.agentId);
      agents.set(c.agentId, {
        recorded: 0,
        replayed: 0,
        ...seen,
        agentName: c.agentName,
        maxConcurrency: c.maxConcurrency,
      });
    }
    recordedRun = recordedRun.filter((s) => s.until > d.decidedAt);
    replayRun = replayRun.filter((s) => s.until > d.decidedAt);
    // Unclamped simulated loads, taken before this decision's assignments are added.
    const loads = new Map(
      d.candidates.map((c) => [
        c.agentId,
        Math.max(0, c.activeTasks + countFor(replayRun, c.agentId) - countFor(recordedRun, c.agentId)),
      ]),
    );
    const eligible = d.candidates.map((c) => toAgent(c, Math.min(c.maxConcurrency, loads.get(c.agentId)!)));
    const ranking = strategy.rank(toTask(d), eligible, replayContext(d, eligible, random, options.limit ?? 10));
    const winnerId = ranking.wait || !ranking.ranked.length ? null : ranking.ranked[0].agentId;

    const serviceMs = (agentId: string) =>
      d.candidates.find((c) => c.agentId === agentId)?.signals.latencyMs ?? fallbackServiceMs;
    const recordedWinner = d.candidates.find((c) => c.agentId === d.winnerAgentId);
    if (recordedWinner)
      recordedWait += waitMs(recordedWinner.activeTasks, recordedWinner.maxConcurrency, serviceMs(d.winnerAgentId));
    recordedRun.push({ agentId: d.winnerAgentId, until: d.decidedAt + serviceMs(d.winnerAgentId) });
    count(agents, d.winnerAgentId, 'recorded');
    if (winnerId === null) {
      deferred++;
    } else {
      const winner = d.candidates.find((c) => c.agentId === winnerId)!;
      replayedWait += waitMs(loads.get(winnerId)!, winner.maxConcurrency, serviceMs(winnerId));
      replayRun.push({ agentId: winnerId, until: d.decidedAt + serviceMs(winnerId) });
      count(agents, winnerId, 'replayed');
      strategy.assigned?.(winnerId);
    }
    if (winnerId !== d.winnerAgentId) changed++;
  }

  const perAgent = [...agents]
    .map(([agentId, a]) => ({ agentId, ...a }))
    .sort((x, y) => (x.agentName < y.agentName ? -1 : x.agentName > y.agentName ? 1 : x.agentId < y.agentId ? -1 : 1));
  const perSlot = (k: 'recorded' | 'replayed') => perAgent.map((a) => a[k] / Math.max(1, a.maxConcurrency));
  const n = ordered.length;
  return {
    strategy: strategy.name,
    weights: { ...strategy.weights },
    decisions: n,
    changed,
    deferred,
    perAgent: perAgent.map(({ agentId, agentName, recorded, replayed }) => ({
      agentId,
      agentName,
      recorded,
      replayed,
    })),
    imbalance: {
      recorded: round4(coefficientOfVariation(perSlot('recorded'))),
      replayed: round4(coefficientOfVariation(perSlot('replayed'))),
    },
    expectedWaitMs: { recorded: n ? Math.round(recordedWait / n) : 0, replayed: n ? Math.round(replayedWait / n) : 0 },
  };
}

/** Population standard deviation over the mean; 0 for no values or a zero mean. */
export function coefficientOfVariation(values: readonly number[]): number {
  if (!values.length) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (mean === 0) return 0;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

function waitMs(load: number, max: number, serviceMs: number): number {
  return load >= max && max > 0 ? (serviceMs * (load - max + 1)) / max : 0;
}

function countFor(run: InService[], agentId: string): number {
  let n = 0;
  for (const s of run) if (s.agentId === agentId) n++;
  return n;
}

function count(
  agents: Map<string, { agentName: string; maxConcurrency: number; recorded: number; replayed: number }>,
  agentId: string,
  k: 'recorded' | 'replayed',
): void {
  const a = agents.get(agentId) ?? { agentName: agentId, maxConcurrency: 1, recorded: 0, replayed: 0 };
  a[k]++;
  agents.set(agentId, a);
}

function replayContext(
  d: RecordedDecisionInput,
  eligible: Agent[],
  random: () => number,
  limit: number,
): RoutingContext {
  const signals = new Map(d.candidates.map((c) => [c.agentId, c.signals]));
  return {
    now: () => d.decidedAt,
    random,
    signals: (id) => signals.get(id) ?? NEUTRAL_SIGNALS,
    holders: (key) => eligible.filter((a) => signals.get(a.id)?.contextKeys.includes(key)),
    limit,
  };
}

function toAgent(c: RecordedCandidate, activeTasks: number): Agent {
  return {
    id: c.agentId,
    name: c.agentName,
    runtime: 'replay',
    capabilities: c.capabilities,
    maxConcurrency: c.maxConcurrency,
    labels: {},
    status: agentStatus('idle', activeTasks),
    activeTasks,
    contextWindow: null,
    contextUsed: null,
    load: null,
    registeredAt: 0,
    lastHeartbeatAt: null,
    statusChangedAt: 0,
    activity: null,
    parkedUntil: null,
    sessionId: null,
    poolId: null,
    lastWorkAt: null,
  };
}

function toTask(d: RecordedDecisionInput): Task {
  return {
    id: d.taskId,
    title: d.taskId,
    payload: null,
    capabilities: d.task.capabilities,
    priority: d.task.priority,
    status: 'queued',
    attempt: 0,
    maxAttempts: 1,
    agentId: null,
    contextKey: d.task.contextKey,
    project: 'default',
    concurrencyKey: null,
    concurrencyLimit: null,
    dependsOn: [],
    idempotencyKey: null,
    timeoutMs: null,
    submittedBy: null,
    result: null,
    error: null,
    progressPercent: null,
    progressMessage: null,
    createdAt: d.task.queuedAt,
    queuedAt: d.task.queuedAt,
    assignedAt: null,
    startedAt: null,
    finishedAt: null,
    retryAt: null,
    leaseExpiresAt: null,
  };
}
