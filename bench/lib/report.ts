import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BaselineResult } from './baseline';
import type { RegistrationResult } from './registration';
import type { ThroughputResult } from './throughput';
import type { DecisionBenchResult } from './decision';

export interface Row {
  scenario: string;
  metric: string;
  value: string;
  floor: string;
  result: 'pass' | 'FAIL' | '';
}

export const FLOORS = { registrationP99Ms: 25, tasksPerSecond: 500 };

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  target: 'local' | 'url';
  url: string;
  mode: { storage: string; events: string } | null;
  machine: { cores: number; node: string; platform: string };
  options: { agents: number; concurrency: number; tasks: number; registrations: number; batch: number };
  baseline: BaselineResult;
  registration: RegistrationResult | null;
  throughput: ThroughputResult | null;
  decisions: DecisionBenchResult[] | null;
  floors: typeof FLOORS;
  rows: Row[];
  pass: boolean;
}

const ms = (n: number) => `${n} ms`;
const verdict = (ok: boolean): Row['result'] => (ok ? 'pass' : 'FAIL');

export function rowsFor(base: BaselineResult, reg: RegistrationResult | null, tp: ThroughputResult | null): Row[] {
  const rows: Row[] = [];
  const add = (scenario: string, metric: string, value: string, floor = '', result: Row['result'] = '') =>
    rows.push({ scenario, metric, value, floor, result });
  add('machine baseline (bare node:http)', 'round trip p50', ms(base.roundTripP50Ms));
  add('machine baseline (bare node:http)', 'CPU per request', ms(base.cpuMsPerRequest));
  if (reg) {
    const s = `registration (${reg.count} sequential)`;
    add(s, 'p50', ms(reg.p50));
    add(s, 'p95', ms(reg.p95));
    add(s, 'p99', ms(reg.p99), `≤ ${FLOORS.registrationP99Ms} ms`, verdict(reg.p99 <= FLOORS.registrationP99Ms));
    add(s, 'max', ms(reg.max));
    const l = reg.listFirstPage;
    add(`agents.list first page (${l.fleet} agents)`, 'p50 / p99', `${l.p50} / ${l.p99} ms`);
  }
  if (tp) {
    const s = `throughput (${tp.agents} agents × ${tp.concurrency}, ${tp.tasks} tasks)`;
    add(
      s,
      'tasks/s',
      String(tp.tasksPerSecond),
      `≥ ${FLOORS.tasksPerSecond}`,
      verdict(tp.tasksPerSecond >= FLOORS.tasksPerSecond),
    );
    add(s, 'duration', `${tp.seconds} s`);
    add(s, 'dispatch→complete p50 / p95', `${tp.dispatchToCompleteMs.p50} / ${tp.dispatchToCompleteMs.p95} ms`);
    add(s, 'submit→complete p50 / p95', `${tp.submitToCompleteMs.p50} / ${tp.submitToCompleteMs.p95} ms`);
    const c = tp.cpu;
    const share = (sec: number | null) =>
      sec === null ? 'n/a' : `${sec} s (${Math.round((sec / c.wallSeconds) * 100)}% of a core)`;
    add(s, 'CPU: server process', share(c.serverSeconds));
    add(s, 'CPU: bench client', share(c.clientSeconds));
    if (c.postgresSeconds !== null) add(s, 'CPU: postgres (all)', share(c.postgresSeconds));
    if (c.machineBusySeconds !== null) add(s, `CPU: machine (${c.cores} cores)`, share(c.machineBusySeconds));
  }
  return rows;
}

/** A plain table; widths computed from the content. */
export function formatTable(rows: Row[]): string {
  const head: Row = {
    scenario: 'scenario',
    metric: 'metric',
    value: 'value',
    floor: 'floor',
    result: 'pass/fail' as Row['result'],
  };
  const cols = ['scenario', 'metric', 'value', 'floor', 'result'] as const;
  const width = (c: (typeof cols)[number]) => Math.max(...[head, ...rows].map((r) => r[c].length));
  const line = (r: Row) =>
    cols
      .map((c) => r[c].padEnd(width(c)))
      .join('  ')
      .trimEnd();
  const rule = cols.map((c) => '─'.repeat(width(c))).join('  ');
  let last = '';
  const body = rows.map((r) => {
    const shown = { ...r, scenario: r.scenario === last ? '' : r.scenario };
    last = r.scenario;
    return line(shown);
  });
  return [line(head), rule, ...body].join('\n');
}

/** bench/results/<timestamp>.json; returns the path written. */
export function saveReport(dir: string, report: BenchReport): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
