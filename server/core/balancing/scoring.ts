import type { Agent, CandidateScore, Task } from '../model';
import { topKIndices } from '../shared/top-k';
import type { AssignmentMemory } from './assignment-memory';
import type { Ranking } from './strategy';

/** Scores are rounded so float noise never decides a tie (and the UI shows stable numbers). */
export const round4 = (n: number): number => Math.round(n * 1e4) / 1e4;

/** Free capacity as a fraction of the agent's own maximum, 0..1. */
export function freeCapacity(a: Agent): number {
  if (!(a.maxConcurrency > 0)) return 0;
  return Math.min(1, Math.max(0, 1 - a.activeTasks / a.maxConcurrency));
}

/** Mean proficiency (0..1) on the task's required capabilities; 1 when it requires none. */
export function proficiency(task: Task, a: Agent): number {
  const required = task.capabilities;
  if (!required.length) return 1;
  let sum = 0;
  for (const name of required) {
    for (const c of a.capabilities) {
      if (c.name === name) {
        sum += Math.min(1, Math.max(0, c.level));
        break;
      }
    }
  }
  return sum / required.length;
}

/** The defaults overridden by the given values, ignoring keys set to undefined. */
export function withDefaults<W extends Record<string, number>>(defaults: W, over: Partial<W> = {}): W {
  const out = { ...defaults };
  for (const k of Object.keys(defaults) as (keyof W)[]) if (over[k] !== undefined) out[k] = over[k] as W[keyof W];
  return out;
}

/** Stable, locale-independent order by name, then id. */
export function compareNames(x: Agent, y: Agent): number {
  if (x.name !== y.name) return x.name < y.name ? -1 : 1;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/**
 * Keeps the best `limit` agents by `scores[i]` (higher first); ties go to fewer active tasks,
 * then the least recently assigned, then the name. `explain(i)` builds terms for those kept only.
 */
export function rankByScore(
  eligible: Agent[],
  limit: number,
  scores: Float64Array,
  memory: AssignmentMemory,
  explain: (i: number) => Record<string, number>,
): Ranking {
  const remembers = memory.size > 0;
  const order = topKIndices(eligible.length, Math.max(1, limit), (i, j) => {
    const d = scores[j] - scores[i];
    if (d !== 0) return d;
    const x = eligible[i];
    const y = eligible[j];
    return (
      x.activeTasks - y.activeTasks ||
      (remembers ? memory.lastAssigned(x.id) - memory.lastAssigned(y.id) : 0) ||
      compareNames(x, y)
    );
  });
  return { ranked: order.map((i) => toCandidate(eligible[i], scores[i], explain(i))), count: eligible.length };
}

export function toCandidate(a: Agent, score: number, terms: Record<string, number>): CandidateScore {
  return {
    agentId: a.id,
    agentName: a.name,
    score,
    activeTasks: a.activeTasks,
    maxConcurrency: a.maxConcurrency,
    terms,
  };
}
