import type { AgentSignals } from '../balancing/strategy';
import type { Agent, ExcludedAgent, Task } from '../model';
import {
  BREAKER_OPEN_REASON,
  capacityReason,
  exclusionReason,
  missingReason,
  partitionCandidates,
  STATE_REASONS,
} from './match';
import { UNROUTABLE_STATES, type RosterIndex } from './roster-index';

/** Excluded agents a decision names; the rest become one summary line per reason. */
export const MAX_EXCLUDED_RECORDED = 25;

// maxConcurrency is validated ≤ 1000, so active × 2^20 + max is exact and unique.
const CAPACITY_KEY = 2 ** 20;

export interface Eligibility {
  /** Capable, routable, free agents without an open breaker, in roster order. */
  agents: Agent[];
  /** Their roster positions, ascending. */
  positions: Int32Array;
  /** Capable routable agents at capacity, by `active × 2^20 + max`. */
  full: Map<number, number>;
  breakerOpen: number;
}

/** One pass over the agents holding the task's capabilities; no other agent is looked at. */
export function findEligible(task: Task, index: RosterIndex, signals: (agentId: string) => AgentSignals): Eligibility {
  const capable = index.capable(task.capabilities);
  const positions = new Int32Array(capable.length);
  const agents: Agent[] = [];
  const full = new Map<number, number>();
  let breakerOpen = 0;
  for (let p = 0; p < capable.length; p++) {
    const i = capable[p];
    if (!index.isRoutable(i)) continue;
    const a = index.agents[i];
    if (a.activeTasks >= a.maxConcurrency) {
      const key = a.activeTasks * CAPACITY_KEY + a.maxConcurrency;
      full.set(key, (full.get(key) ?? 0) + 1);
    } else if (signals(a.id).breaker === 'open') {
      breakerOpen++;
    } else {
      positions[agents.length] = i;
      agents.push(a);
    }
  }
  return { agents, positions: positions.subarray(0, agents.length), full, breakerOpen };
}

/**
 * The decision record's excluded list without an object per excluded agent: the first
 * MAX_EXCLUDED_RECORDED in roster order by name, then per-reason counts of the rest, taken from
 * the index's state counts, its missing-capability masks and the eligibility tally.
 */
export function describeExcluded(
  task: Task,
  index: RosterIndex,
  found: Eligibility,
  signals: (agentId: string) => AgentSignals,
): { excluded: ExcludedAgent[]; excludedCount: number } {
  const excludedCount = index.size - found.agents.length;
  const named: ExcludedAgent[] = [];
  const eligible = found.positions;
  for (let i = 0, e = 0; i < index.size && named.length < Math.min(excludedCount, MAX_EXCLUDED_RECORDED); i++) {
    if (e < eligible.length && eligible[e] === i) {
      e++;
      continue;
    }
    const a = index.agents[i];
    named.push({
      agentId: a.id,
      agentName: a.name,
      reason: exclusionReason(task, a, signals(a.id)) ?? BREAKER_OPEN_REASON,
    });
  }
  if (excludedCount <= MAX_EXCLUDED_RECORDED) return { excluded: named, excludedCount };

  const masks = index.missingByMask(task.capabilities);
  if (!masks)
    return { excluded: summariseExcluded(partitionCandidates(task, index.agents, signals).excluded), excludedCount };
  const rest = new Map<string, number>();
  const add = (reason: string, n: number) => {
    if (n > 0) rest.set(reason, (rest.get(reason) ?? 0) + n);
  };
  UNROUTABLE_STATES.forEach((state, k) => add(STATE_REASONS[state]!, index.stateCounts[k + 1]));
  for (const [reason, n] of index.heldCounts) add(reason, n);
  for (const [mask, n] of masks) add(missingReason(task.capabilities.filter((_, j) => mask & (1 << j))), n);
  for (const [key, n] of found.full) add(capacityReason(Math.floor(key / CAPACITY_KEY), key % CAPACITY_KEY), n);
  add(BREAKER_OPEN_REASON, found.breakerOpen);
  for (const e of named) rest.set(e.reason, (rest.get(e.reason) ?? 0) - 1);
  return { excluded: [...named, ...summaryLines(rest)], excludedCount };
}

/** The first excluded agents by name, then one line per reason for the rest (most common first). */
export function summariseExcluded(excluded: readonly ExcludedAgent[]): ExcludedAgent[] {
  if (excluded.length <= MAX_EXCLUDED_RECORDED) return [...excluded];
  const rest = new Map<string, number>();
  for (const e of excluded.slice(MAX_EXCLUDED_RECORDED)) rest.set(e.reason, (rest.get(e.reason) ?? 0) + 1);
  return [...excluded.slice(0, MAX_EXCLUDED_RECORDED), ...summaryLines(rest)];
}

function summaryLines(rest: Map<string, number>): ExcludedAgent[] {
  return [...rest]
    .filter(([, n]) => n > 0)
    .sort(([ra, a], [rb, b]) => b - a || (ra < rb ? -1 : ra > rb ? 1 : 0))
    .map(([reason, n]) => ({ agentId: '', agentName: `${n} more agent${n === 1 ? '' : 's'}`, reason }));
}
