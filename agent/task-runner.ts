import type { Activity } from './activity-board';
import type { Adapter, AdapterEvent } from './adapters/adapter';
import { type CliExit, runCli } from './adapters/run-cli';
import { truncate } from './adapters/stream-text';
import { type ApiClient, ApiError, isAuthError, isRefusal } from './client';
import type { Logger } from './logger';
import { ProgressReporter } from './progress-reporter';
import type { SessionLease } from './session-keeper';
import { taskPrompt } from './task-prompt';
import type { Assignment } from './worker-types';

export interface TaskContext {
  client: ApiClient;
  adapter: Adapter;
  workdir: string;
  stallAfterMs: number;
  logger: Logger;
  session: SessionLease;
  /** Aborts when running CLIs must stop (drain timeout, second signal, fatal error). */
  kill: AbortSignal;
  killGraceMs: () => number;
  /** The signal for reporting calls, which retry through outages until it aborts. */
  reportSignal: () => AbortSignal;
  progressIntervalMs?: number;
  onActivity(activity: Activity): void;
  onContext(used?: number, window?: number): void;
}

/** How a task ended on this agent. The worker releases rate-limited and interrupted tasks. */
export type TaskOutcome = { sessionId?: string } & (
  | { kind: 'completed' }
  | { kind: 'failed'; error: string }
  | { kind: 'rate-limited'; resetAt: number; detail: string }
  | { kind: 'interrupted' }
  | { kind: 'lost'; reason: string }
);

const DEFAULT_RESET_MS = 60_000;
// The CLI does not know the session (another machine's, or deleted): start a fresh one.
const SESSION_GONE = /No conversation found with session ID|Invalid session identifier|no rollout found for thread id/i;

/** Runs one assignment through the adapter's CLI and reports how it went (complete or fail). */
export async function runTask(a: Assignment, ctx: TaskContext): Promise<TaskOutcome> {
  const log = ctx.logger.child({ taskId: a.taskId, attempt: a.attempt });
  const lease = { taskId: a.taskId, leaseToken: a.leaseToken };
  // A refused progress report means the server requeued the task: stop the CLI, drop the task.
  const leaseState: LeaseState = {};
  const progress = new ProgressReporter(ctx.client, lease, {
    minIntervalMs: ctx.progressIntervalMs ?? 250,
    logger: log,
    signal: AbortSignal.any([ctx.reportSignal(), ctx.kill]),
    onRefused: (err) => {
      leaseState.lost ??= (err as Error).message;
      leaseState.stop?.();
    },
  });
  log.info({ title: a.title, sessionId: ctx.session.sessionId }, 'task started');
  ctx.onActivity({ state: 'working', detail: a.title });
  let run = await runOnce(a, ctx, ctx.session.sessionId, progress, leaseState);
  if (ctx.session.sessionId && run.failed && !run.interrupted && !leaseState.lost && SESSION_GONE.test(run.failure)) {
    log.warn({ sessionId: ctx.session.sessionId }, 'the CLI does not know the session: starting a fresh one');
    run = await runOnce(a, ctx, null, progress, leaseState);
  }
  await progress.close();
  const base = { sessionId: run.sessionId };

  if (leaseState.lost) return { ...base, kind: 'lost', reason: leaseState.lost };
  if (run.limited)
    return {
      ...base,
      kind: 'rate-limited',
      resetAt: run.limited.resetAt ?? Date.now() + DEFAULT_RESET_MS,
      detail: run.limited.detail,
    };
  if (run.interrupted) return { ...base, kind: 'interrupted' };
  if (!run.failed) {
    const { result } = run;
    const value =
      result?.data !== undefined
        ? result.data
        : result
          ? {
              summary: truncate(result.text?.split('\n')[0] ?? '', 200),
              text: truncate(result.text ?? '', 100_000),
              sessionId: run.sessionId ?? null,
              usage: result.usage ?? null,
              exitCode: 0,
            }
          : { output: run.outputTail.join('\n'), sessionId: run.sessionId ?? null, exitCode: 0 };
    return completeOrFail(ctx, log, lease, value, base);
  }
  log.warn({ error: run.failure }, 'task failed');
  return report(
    ctx,
    log,
    'work.fail',
    { ...lease, error: truncate(run.failure, 10_000), retryable: true },
    { ...base, kind: 'failed', error: run.failure },
  );
}

interface LeaseState {
  lost?: string;
  stop?: () => void;
}

interface RunRecord {
  sessionId?: string;
  result?: Extract<AdapterEvent, { type: 'result' }>;
  limited?: Extract<AdapterEvent, { type: 'rate-limited' }>;
  interrupted: boolean;
  failed: boolean;
  failure: string;
  outputTail: string[];
}

/** One CLI run: events to progress and the worker, killed on rate limit, lost lease, drain or timeout. */
async function runOnce(
  a: Assignment,
  ctx: TaskContext,
  sessionId: string | null,
  progress: ProgressReporter,
  leaseState: LeaseState,
): Promise<RunRecord> {
  const cmd = ctx.adapter.taskCommand({
    taskId: a.taskId,
    attempt: a.attempt,
    title: a.title,
    prompt: taskPrompt(a),
    payload: a.payload,
    sessionId,
  });
  const rec: RunRecord = { interrupted: false, failed: false, failure: '', outputTail: [] };
  const errors: string[] = [];
  let timedOut = false;
  const onEvent = (event: AdapterEvent) => {
    switch (event.type) {
      case 'output':
        rec.outputTail.push(event.text);
        if (rec.outputTail.length > 20) rec.outputTail.shift();
        return progress.line(event.text);
      case 'progress':
        return progress.progress(event.percent, event.message);
      case 'activity':
        return ctx.onActivity({ state: event.state, detail: event.detail ?? a.title });
      case 'session':
        rec.sessionId = event.sessionId;
        return;
      case 'context':
        return ctx.onContext(event.used, event.window);
      case 'result':
        rec.result = event;
        return;
      case 'error':
        errors.push(event.message);
        return;
      case 'rate-limited':
        if (rec.limited) return;
        rec.limited = event;
        ctx.logger.warn(
          { taskId: a.taskId, resetAt: event.resetAt, detail: event.detail },
          'CLI rate-limited: stopping it',
        );
        return run.kill(ctx.killGraceMs());
    }
  };
  const run = runCli(cmd, {
    cwd: ctx.workdir,
    parser: ctx.adapter.createParser(),
    onEvent,
    stallAfterMs: ctx.stallAfterMs,
  });
  leaseState.stop = () => run.kill(ctx.killGraceMs());
  const onKill = () => {
    rec.interrupted = true;
    run.kill(ctx.killGraceMs());
  };
  ctx.kill.addEventListener('abort', onKill, { once: true });
  if (ctx.kill.aborted) onKill();
  const timeout = a.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        run.kill(ctx.killGraceMs());
      }, a.timeoutMs)
    : undefined;
  const exit = await run.done;
  ctx.kill.removeEventListener('abort', onKill);
  clearTimeout(timeout);
  rec.failed = timedOut || !!exit.spawnError || exit.code !== 0 || errors.length > 0;
  rec.failure = timedOut ? `timed out after ${Math.round(a.timeoutMs! / 1000)} s` : failureMessage(exit, errors);
  return rec;
}

function failureMessage(exit: CliExit, errors: string[]): string {
  if (exit.spawnError) return `could not start the CLI: ${exit.spawnError}`;
  const how = exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
  const tail = errors.at(-1) ?? (exit.stderrTail.length ? exit.stderrTail : exit.stdoutTail).slice(-10).join('\n');
  return tail ? `${how}: ${tail}` : how;
}

/**
 * A result the server refuses as invalid (400, or 413 past its size limit) would be refused on every
 * attempt: the task fails for good with the reason, instead of being dropped as if its lease were gone.
 */
async function completeOrFail(
  ctx: TaskContext,
  log: Logger,
  lease: { taskId: string; leaseToken: string },
  result: unknown,
  base: { sessionId?: string },
): Promise<TaskOutcome> {
  try {
    await ctx.client.mutate('work.complete', { ...lease, result }, ctx.reportSignal());
    log.info({ outcome: 'completed' }, 'task reported');
    return { ...base, kind: 'completed' };
  } catch (err) {
    if (!(err instanceof ApiError) || (err.status !== 400 && err.status !== 413)) return dropOnRefusal(err, log, base);
    const error = `the server refused the task's result: ${err.message}`;
    log.warn({ err: err.message }, 'result refused, failing the task');
    return report(
      ctx,
      log,
      'work.fail',
      { ...lease, error: truncate(error, 10_000), retryable: false },
      { ...base, kind: 'failed', error },
    );
  }
}

/** A report the server refuses (4xx: the lease is gone) drops the task; 401 is the worker's problem. */
async function report(
  ctx: TaskContext,
  log: Logger,
  path: string,
  body: unknown,
  outcome: TaskOutcome,
): Promise<TaskOutcome> {
  try {
    await ctx.client.mutate(path, body, ctx.reportSignal());
    log.info({ outcome: outcome.kind }, 'task reported');
    return outcome;
  } catch (err) {
    return dropOnRefusal(err, log, outcome);
  }
}

function dropOnRefusal(err: unknown, log: Logger, outcome: { sessionId?: string }): TaskOutcome {
  if (isAuthError(err) || !isRefusal(err)) throw err;
  log.warn({ err: err.message }, 'report refused, dropping the task');
  return { sessionId: outcome.sessionId, kind: 'lost', reason: err.message };
}
