import type { AgentLogEntry } from './agent-log';

export const TERMINAL = ['succeeded', 'failed', 'cancelled', 'dead-lettered'] as const;

/** A task as the database has it after the drain. */
export interface TaskRow {
  id: string;
  status: string;
  /** Rows of task_attempts with status `succeeded`. */
  succeededAttempts: number;
}

export interface Tally {
  /** Submitted but absent from the database. */
  missing: string[];
  /** Not terminal when the drain ended (its deadline passed). */
  unfinished: string[];
  /** An agent's completion was accepted, yet the task is not `succeeded`: acknowledged work lost. */
  ackedNotSucceeded: string[];
  /** Accepted completions under more than one lease. */
  doubleAccepted: string[];
  /** More than one succeeded attempt row (or one on a task that is not succeeded). */
  doubleRecorded: string[];
  lost: string[];
  duplicated: string[];
}

/**
 * Lost = missing ∪ unfinished ∪ acknowledged-but-not-succeeded. Duplicated = two accepted leases
 * in the agents' logs ∪ a second succeeded attempt in the database. A repeated acknowledgement of
 * one lease (an answer lost and the report sent again) is not a duplicate.
 */
export function tally(
  submitted: readonly string[],
  rows: readonly TaskRow[],
  entries: readonly AgentLogEntry[],
): Tally {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const mine = new Set(submitted);
  const leases = new Map<string, Set<string>>();
  for (const e of entries) {
    if (e.e !== 'completed' || !mine.has(e.taskId)) continue;
    const set = leases.get(e.taskId) ?? new Set<string>();
    set.add(e.leaseToken);
    leases.set(e.taskId, set);
  }
  const missing = submitted.filter((id) => !byId.has(id));
  const unfinished = rows
    .filter((r) => mine.has(r.id) && !(TERMINAL as readonly string[]).includes(r.status))
    .map((r) => r.id);
  const ackedNotSucceeded = [...leases.keys()].filter((id) => byId.get(id)?.status !== 'succeeded');
  const doubleAccepted = [...leases].filter(([, s]) => s.size > 1).map(([id]) => id);
  const doubleRecorded = rows
    .filter((r) => mine.has(r.id) && (r.succeededAttempts > 1 || (r.succeededAttempts > 0 && r.status !== 'succeeded')))
    .map((r) => r.id);
  return {
    missing,
    unfinished,
    ackedNotSucceeded,
    doubleAccepted,
    doubleRecorded,
    lost: union(missing, unfinished, ackedNotSucceeded),
    duplicated: union(doubleAccepted, doubleRecorded),
  };
}

const union = (...lists: string[][]) => [...new Set(lists.flat())];
