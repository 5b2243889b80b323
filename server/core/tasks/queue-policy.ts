import { PRIORITIES } from '../model';

/**
 * How the queue orders tasks. The store applies it in SQL; `orderQueue` below is the same
 * rule in TypeScript, for tests and as its specification.
 *
 * 1. Effective priority: the rank (0 critical … 4 background) improves by one level per
 *    `agingStepMs` (S) waited, down to 0, so a task of rank p competes as critical after p·S.
 * 2. Within an effective priority, projects share by weight: fewest tasks running per weight
 *    first, counting the project's tasks ahead of this one as if they had started. Ties (e.g.
 *    one agent taking one task at a time) go to the project with the earliest virtual clock,
 *    which advances by 1/weight per task started, so weights hold there too; a project that was
 *    idle joins at the current virtual time and banks nothing.
 * 3. Then oldest first (queue time, then submission order).
 *
 * Bound: under a saturating stream of higher-priority work, a task of rank p competes as
 * critical after p·S and is then first among its project's critical-equivalent tasks queued
 * after it, so it starts within p·S plus the time to drain those queued before it (and, with
 * other projects waiting, their weighted share of the slots), plus one dispatch pass.
 */
export interface QueuePolicy {
  agingStepMs: number;
  /** Fair-share weight by project; absent projects weigh 1. */
  projectWeights: Readonly<Record<string, number>>;
}

export const DEFAULT_PROJECT = 'default';
export const DEFAULT_AGING_STEP_MS = 60_000;
export const DEFAULT_QUEUE_POLICY: QueuePolicy = { agingStepMs: DEFAULT_AGING_STEP_MS, projectWeights: {} };
/** The default `concurrencyLimit` of a task that names a `concurrencyKey` without one. */
export const DEFAULT_CONCURRENCY_LIMIT = 1;

const MOST_URGENT = 0;
const LEAST_URGENT = PRIORITIES.length - 1;

export function effectivePriority(rank: number, waitedMs: number, agingStepMs: number): number {
  const steps = Math.floor(Math.max(0, waitedMs) / agingStepMs);
  return Math.max(MOST_URGENT, rank - steps);
}

/** How long a task of this rank waits before it competes as critical. */
export function agingBoundMs(rank: number, agingStepMs: number): number {
  return Math.min(Math.max(rank, MOST_URGENT), LEAST_URGENT) * agingStepMs;
}

export const projectWeight = (policy: QueuePolicy, project: string): number => policy.projectWeights[project] ?? 1;

/** Parses `alpha=3,beta=0.5`; throws naming the bad entry. */
export function parseProjectWeights(text: string): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [name, value, extra] = entry.split('=').map((p) => p.trim());
    const weight = Number(value);
    if (!name || extra !== undefined || !(weight > 0) || !Number.isFinite(weight)) {
      throw new Error(`project weight "${entry}" must look like name=weight with a weight > 0`);
    }
    weights[name] = weight;
  }
  return weights;
}

export function queuePolicy(over: Partial<QueuePolicy> = {}): QueuePolicy {
  const policy = { ...DEFAULT_QUEUE_POLICY, ...over };
  if (!(policy.agingStepMs >= 1) || !Number.isFinite(policy.agingStepMs))
    throw new Error('agingStepMs must be a finite number ≥ 1');
  return policy;
}

/** What the ordering needs of a queued task. */
export interface QueuedEntry {
  id: string;
  rank: number;
  project: string;
  queuedAt: number;
  seq: number;
  concurrencyKey: string | null;
  concurrencyLimit: number | null;
}

/** What the ordering depends on besides the tasks: occupancy (assigned or running) and the virtual clocks. */
export interface QueueLoad {
  runningByProject: ReadonlyMap<string, number>;
  activeByKey: ReadonlyMap<string, number>;
  /** Each project's virtual finish; absent for a project never served. */
  finishByProject: ReadonlyMap<string, number>;
  /** The virtual start of the latest task started (0 before any). */
  virtualTime: number;
}

/** A project's virtual clock after starting `n` tasks: its new last start and finish. */
export function advanceClock(
  finish: number | undefined,
  virtualTime: number,
  n: number,
  weight: number,
): { lastStart: number; finish: number } {
  const base = Math.max(finish ?? virtualTime, virtualTime);
  return { lastStart: base + (n - 1) / weight, finish: base + n / weight };
}

const limitOf = (e: QueuedEntry) => e.concurrencyLimit ?? DEFAULT_CONCURRENCY_LIMIT;

/**
 * The queue head in order, at most `limit`, without tasks whose concurrency key has no room
 * (a full key's tasks are not even ranked; a key with some room keeps its first tasks in this
 * order). Mirrors the store's SQL.
 */
export function orderQueue(
  all: readonly QueuedEntry[],
  load: QueueLoad,
  policy: QueuePolicy,
  now: number,
  limit: number,
): QueuedEntry[] {
  const entries = all.filter(
    (e) => e.concurrencyKey === null || (load.activeByKey.get(e.concurrencyKey) ?? 0) < limitOf(e),
  );
  const fifo = (a: QueuedEntry, b: QueuedEntry) => a.queuedAt - b.queuedAt || a.seq - b.seq;
  const eff = new Map(entries.map((e) => [e.id, effectivePriority(e.rank, now - e.queuedAt, policy.agingStepMs)]));
  const ahead = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const e of [...entries].sort(fifo)) {
    const group = `${eff.get(e.id)}\u0000${e.project}`;
    ahead.set(e.id, seen.get(group) ?? 0);
    seen.set(group, (seen.get(group) ?? 0) + 1);
  }
  const keys = new Map(
    entries.map((e) => {
      const w = projectWeight(policy, e.project);
      const k = ahead.get(e.id)!;
      const share = ((load.runningByProject.get(e.project) ?? 0) + k) / w;
      const clock = Math.max(load.finishByProject.get(e.project) ?? load.virtualTime, load.virtualTime) + k / w;
      return [e.id, { eff: eff.get(e.id)!, share, clock }];
    }),
  );
  const ordered = [...entries].sort((a, b) => {
    const x = keys.get(a.id)!;
    const y = keys.get(b.id)!;
    return x.eff - y.eff || x.share - y.share || x.clock - y.clock || fifo(a, b);
  });
  const taken = new Map<string, number>();
  const out: QueuedEntry[] = [];
  for (const e of ordered) {
    if (out.length >= limit) break;
    if (e.concurrencyKey !== null) {
      const k = (taken.get(e.concurrencyKey) ?? 0) + 1;
      taken.set(e.concurrencyKey, k);
      if ((load.activeByKey.get(e.concurrencyKey) ?? 0) + k > limitOf(e)) continue;
    }
    out.push(e);
  }
  return out;
}
