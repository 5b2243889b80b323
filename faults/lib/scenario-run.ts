import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Fleet, type AgentProcess, type AgentSpec } from './fleet';
import { statusCounts } from './invariants';
import { LeaseSampler } from './lease-sampler';
import { TERMINAL } from './outcomes';
import { check, type Check, type ScenarioResult, type Suite } from './scenario';
import { standardChecks, throughputCheck } from './standard-checks';
import { seconds } from './table';
import { Workload } from './workload';
import { sleep } from './wait';

export interface RunContext {
  suite: Suite;
  fleet: Fleet;
  workload: Workload;
  capability: string;
  note(line: string): void;
}

export interface FaultOutcome {
  /** When the fault was injected (ms). */
  faultAt: number;
  /** When the service came back: recovery is then measured as throughput back to half its pre-fault rate. */
  backAt?: number;
  /** Or the scenario measured recovery itself. */
  recoveryMs?: number | null;
  checks?: Check[];
}

export interface RunSpec {
  name: string;
  agents: AgentSpec[];
  /** An agent process died without the harness ending it (the poison scenario restarts it). */
  onDeath?: (a: AgentProcess, ctx: RunContext) => void;
  poisonAt?: number;
  /** Share of the tasks completed before the fault is injected. */
  faultAt?: number;
  /** Submission slowed (below the suite's rate) so it lasts at least this long: the fault then falls mid-run. */
  minRunSeconds?: number;
  recoveryWhat: string;
  inject(ctx: RunContext): Promise<FaultOutcome>;
  /** Scenario checks once every task is terminal (agents already stopped). */
  verify?(ctx: RunContext, fault: FaultOutcome): Promise<Check[]>;
}

const DRAIN_DEADLINE_MS = 120_000;

/**
 * The shape every scenario shares: start its agents, submit its tasks at a steady pace, inject
 * the fault once enough have completed, wait until every task is terminal (120 s at most), stop
 * the agents, then tally lost and duplicated tasks from the agents' logs and the database.
 */
export async function runScenario(suite: Suite, spec: RunSpec): Promise<ScenarioResult> {
  const started = Date.now();
  const capability = `faults-${spec.name}-${suite.runId}`;
  const dir = path.join(suite.dir, spec.name);
  mkdirSync(dir, { recursive: true });
  const note = (line: string) => suite.progress.note(`  [${spec.name}] ${line}`);
  let ctx!: RunContext;
  const fleet = new Fleet(
    { url: suite.url, adminToken: suite.adminToken, dir, capability, runtime: `faults-${spec.name}` },
    spec.onDeath && ((a) => spec.onDeath!(a, ctx)),
  );
  const done = new Set<string>();
  let workload: Workload | null = null;
  let monitor: NodeJS.Timeout | null = null;
  let sampler: LeaseSampler | null = null;
  try {
    spec.agents.forEach((a) => fleet.spawn(a));
    await fleet.ready();
    workload = new Workload(suite.api, suite.adminToken, {
      scenario: spec.name,
      runId: suite.runId,
      capability,
      tasks: suite.tasks,
      ratePerSecond: pace(suite, spec.minRunSeconds),
      poisonAt: spec.poisonAt,
    });
    ctx = { suite, fleet, workload, capability, note };
    const bar = suite.progress.bar(spec.name, suite.tasks);
    let lastLine = Date.now();
    monitor = setInterval(() => {
      for (const e of fleet.poll()) if (e.e === 'completed') done.add(e.taskId);
      bar.update(
        done.size,
        `submitted ${workload!.submitted}${workload!.submitErrors ? `, ${workload!.submitErrors} submit retries` : ''}`,
      );
      if (!process.stderr.isTTY && Date.now() - lastLine >= 5_000) {
        lastLine = Date.now();
        note(`${done.size}/${suite.tasks} completed, ${workload!.submitted} submitted`);
      }
    }, 250);
    const submitting = workload.done.catch((err: Error) => err);
    sampler = new LeaseSampler(suite, workload);

    await waitUntil(
      suite,
      () => done.size >= (spec.faultAt ?? 0.35) * suite.tasks,
      90_000,
      'tasks to complete before the fault',
    );
    const fault = await spec.inject(ctx);
    const submitError = await submitting;
    if (submitError instanceof Error) throw submitError;
    const drained = await drain(suite, workload.ids, workload.finishedAt ?? Date.now(), note);
    await sampler.stop();
    await fleet.end();
    clearInterval(monitor);
    for (const e of fleet.poll()) if (e.e === 'completed') done.add(e.taskId);
    suite.progress.done();

    const checks: Check[] = [...(fault.checks ?? []), ...(spec.verify ? await spec.verify(ctx, fault) : [])];
    checks.push(check('drained', drained.ok, drained.detail));
    checks.push(sampler.verdict());
    const standard = await standardChecks(suite.sql, workload.ids, fleet.entries, suite.leaseColumn);
    checks.push(...standard.checks);
    let recoveryMs = fault.recoveryMs ?? null;
    if (fault.recoveryMs === undefined && fault.backAt !== undefined) {
      const tp = throughputCheck(fleet.entries, fault.faultAt, fault.backAt);
      recoveryMs = tp.recoveryMs;
      checks.push(tp.check);
    }
    return {
      scenario: spec.name,
      tasks: workload.ids.length,
      lost: standard.lost,
      duplicated: standard.duplicated,
      recoveryMs,
      recoveryWhat: spec.recoveryWhat,
      checks,
      pass: checks.every((c) => c.ok),
      seconds: (Date.now() - started) / 1000,
    };
  } catch (err) {
    return {
      scenario: spec.name,
      tasks: workload?.ids.length ?? 0,
      lost: NaN,
      duplicated: NaN,
      recoveryMs: null,
      recoveryWhat: spec.recoveryWhat,
      checks: [],
      pass: false,
      seconds: (Date.now() - started) / 1000,
      error: (err as Error).stack ?? String(err),
    };
  } finally {
    workload?.stop();
    await sampler?.stop();
    if (monitor) clearInterval(monitor);
    suite.progress.done();
    await fleet.end();
    const crashed = fleet.agents.filter((a) => a.stderr.trim());
    for (const a of crashed) note(`agent ${a.spec.name} stderr: ${a.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
}

/** Until every submitted task is terminal, or 120 s after the last submission. */
async function drain(
  suite: Suite,
  ids: string[],
  lastSubmission: number,
  note: (l: string) => void,
): Promise<{ ok: boolean; detail: string }> {
  let counts: Record<string, number> | null = null;
  let lastNote = Date.now();
  while (Date.now() - lastSubmission < DRAIN_DEADLINE_MS) {
    counts = (await statusCounts(suite.sql, ids)) ?? counts;
    const open = counts ? ids.length - TERMINAL.reduce((n, s) => n + (counts![s] ?? 0), 0) : ids.length;
    if (counts && open === 0)
      return {
        ok: true,
        detail: `all ${ids.length} terminal ${seconds(Date.now() - lastSubmission)} after the last submission`,
      };
    if (!suite.serverAlive()) return { ok: false, detail: `the server exited with ${open} tasks not terminal` };
    if (Date.now() - lastNote >= 10_000) {
      lastNote = Date.now();
      note(`draining: ${open} not terminal (${describeCounts(counts)})`);
    }
    await sleep(500);
  }
  return { ok: false, detail: `not all terminal after ${DRAIN_DEADLINE_MS / 1000} s: ${describeCounts(counts)}` };
}

/** The suite's rate, or less when the run would otherwise end sooner than `minRunSeconds`. */
const pace = (suite: Suite, minRunSeconds = 0) =>
  minRunSeconds > 0 ? Math.min(suite.rate, Math.max(1, Math.floor(suite.tasks / minRunSeconds))) : suite.rate;

async function waitUntil(suite: Suite, ok: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (!suite.serverAlive()) throw new Error(`the server exited while waiting for ${what}`);
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

const describeCounts = (c: Record<string, number> | null) =>
  c
    ? Object.entries(c)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')
    : 'database unreachable';
