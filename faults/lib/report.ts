import type { ScenarioResult } from './scenario';
import { formatTable, seconds } from './table';

const LEGEND = `lost: submitted tasks missing from the database, not terminal when the drain ended (120 s after the
      last submission), or acknowledged to an agent as succeeded but not succeeded in the database.
duplicated: tasks accepted from agents under two different leases, or with two succeeded attempts.`;

/** The table (one row per scenario), each scenario's checks, and what the columns mean. */
export function formatReport(results: ScenarioResult[], opts: { leaseColumn: boolean; skipped: string[] }): string {
  const num = (n: number) => (Number.isNaN(n) ? '?' : String(n));
  const table = formatTable(
    ['scenario', 'tasks', 'lost', 'duplicated', 'recovery', 'result'],
    results.map((r) => [
      r.scenario,
      String(r.tasks),
      num(r.lost),
      num(r.duplicated),
      seconds(r.recoveryMs),
      r.pass ? 'pass' : 'FAIL',
    ]),
  );
  const details = results.map((r) => {
    const lines = [`${r.scenario} (${r.seconds.toFixed(0)} s) — recovery: ${r.recoveryWhat}`];
    if (r.error) lines.push(`  ✗ the scenario broke: ${r.error.split('\n').slice(0, 4).join('\n    ')}`);
    for (const c of r.checks) lines.push(`  ${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`);
    return lines.join('\n');
  });
  const notes = [
    ...(opts.leaseColumn
      ? []
      : ['warning: tasks.lease_expires_at is missing; "held under a live lease" was not checked']),
    ...(opts.skipped.length ? [`not run (the server exited): ${opts.skipped.join(', ')}`] : []),
  ];
  return ['', table, '', ...details, '', LEGEND, ...notes].join('\n');
}
