import type { AgentLogEntry } from './agent-log';
import type { Sql } from './database';
import { checkInvariants } from './invariants';
import { tally } from './outcomes';
import { longestGap, throughputRecovery } from './recovery';
import { check, type Check } from './scenario';
import { seconds } from './table';

/** The checks every scenario ends with: the SQL invariants, then lost and duplicated tasks. */
export async function standardChecks(
  sql: Sql,
  ids: readonly string[],
  entries: readonly AgentLogEntry[],
  leaseColumn: boolean,
): Promise<{ checks: Check[]; lost: number; duplicated: number }> {
  const inv = await checkInvariants(sql, ids, leaseColumn);
  const t = tally(ids, inv.rows, entries);
  return {
    lost: t.lost.length,
    duplicated: t.duplicated.length,
    checks: [
      check(
        'state invariant',
        inv.badState.length === 0,
        `${inv.badState.length} tasks neither waiting, held under a live lease, nor terminal${sample(inv.badState)}`,
      ),
      check(
        'one completion per succeeded task',
        inv.badCompletion.length === 0,
        `${inv.badCompletion.length} succeeded tasks without exactly one succeeded attempt${sample(inv.badCompletion)}`,
      ),
      check(
        'attempts ≤ max',
        inv.overAttempts.length === 0,
        `${inv.overAttempts.length} tasks over their maxAttempts${sample(inv.overAttempts)}`,
      ),
      check(
        'nothing lost',
        t.lost.length === 0,
        `missing ${t.missing.length}, unfinished ${t.unfinished.length}, acknowledged but not succeeded ${t.ackedNotSucceeded.length}${sample(t.lost)}`,
      ),
      check(
        'nothing duplicated',
        t.duplicated.length === 0,
        `two accepted leases ${t.doubleAccepted.length}, two succeeded attempts ${t.doubleRecorded.length}${sample(t.duplicated)}`,
      ),
    ],
  };
}

/** After a service outage: completions back above half their pre-fault rate, measured from the agents' logs. */
export function throughputCheck(
  entries: readonly AgentLogEntry[],
  faultAt: number,
  backAt: number,
): { check: Check; recoveryMs: number | null } {
  const times = entries.flatMap((e) => (e.e === 'completed' ? [e.at] : []));
  const r = throughputRecovery(times, faultAt, backAt);
  const stalled = longestGap(times, faultAt, backAt + 5_000);
  return {
    recoveryMs: r.recoveryMs,
    check: check(
      'throughput recovers',
      r.recoveryMs !== null,
      `${r.baselinePerSecond.toFixed(0)} tasks/s before the fault; no completion for ${seconds(stalled)} during it; back above half ${seconds(r.recoveryMs)} after the service returned`,
    ),
  };
}

const sample = (ids: string[]) => (ids.length ? ` (e.g. ${ids.slice(0, 3).join(', ')})` : '');
