import { ActivityBoard } from './activity-board';
import type { Adapter } from './adapters/adapter';
import { createAdapter } from './adapters/catalog';
import { truncate } from './adapters/stream-text';
import { backoffDelay, sleep } from './backoff';
import { ApiClient, ApiError, isAuthError } from './client';
import { consolidateSession } from './consolidation';
import { Heartbeat } from './heartbeat';
import { establishIdentity } from './identity';
import { createLogger, type Logger } from './logger';
import type { WorkerOptions } from './options';
import { RateLimitPause } from './rate-limit-pause';
import { SessionKeeper } from './session-keeper';
import { StopControl } from './stop-control';
import { runTask, type TaskOutcome } from './task-runner';
import type { Assignment, HeartbeatReply } from './worker-types';

export interface WorkerExit {
  code: number;
  reason: string;
}

export interface WorkerExtras {
  /** A second stop signal: kill the CLIs at once, release their tasks, exit. */
  force?: AbortSignal;
  logger?: Logger;
  progressIntervalMs?: number;
}

/**
 * Runs an agent until `signal` aborts (then drains: no new work, running tasks get
 * `drainTimeoutMs`, the rest are released) or the server terminates it. Resolves with the
 * process exit code: 0, or 1 when the token was refused.
 */
export function runWorker(options: WorkerOptions, signal: AbortSignal, extras: WorkerExtras = {}): Promise<WorkerExit> {
  const logger = extras.logger ?? createLogger(options.logLevel);
  const adapter = createAdapter(options.adapter, {
    cliPath: options.cliPath,
    extraArgs: options.cliArgs,
    shellCommand: options.shellCommand,
  });
  const client = new ApiClient({ url: options.url, token: options.token, logger });
  return new Worker(options, adapter, client, logger.child({ agent: options.name }), extras).run(signal);
}

const TOKEN_REFUSED = 'the token was refused (401): it is wrong, was revoked, or the agent was terminated';
/** The last heartbeat must land before the sign-off, or it would bring the agent straight back. */
const LAST_BEAT_GRACE_MS = 2_000;
const SIGN_OFF_TIMEOUT_MS = 5_000;

class Worker {
  private readonly stop: StopControl;
  private readonly pause = new RateLimitPause();
  private pollBreak = new AbortController(); // ends open polls early (consolidation asked)
  private readonly board = new ActivityBoard(() => {
    this.activityBeat = this.heartbeat?.beatNow() ?? Promise.resolve();
  });
  private activityBeat: Promise<void> = Promise.resolve();
  private heartbeat: Heartbeat | undefined;
  private sessions = new SessionKeeper(null);
  private contextUsed: number | null = null;
  private contextWindow: number | null = null;
  private consolidateRequested = false;
  private tasksSinceConsolidation = 1;
  private fatal: Error | null = null;
  private terminated = false;
  private serverStatus = '';

  constructor(
    private readonly options: WorkerOptions,
    private readonly adapter: Adapter,
    private readonly client: ApiClient,
    private readonly logger: Logger,
    private readonly extras: WorkerExtras,
  ) {
    this.stop = new StopControl(options.drainTimeoutMs, logger);
  }

  async run(signal: AbortSignal): Promise<WorkerExit> {
    // The server holds a stopping agent out of routing, so what it hands back goes elsewhere.
    this.stop.noNewWork.addEventListener(
      'abort',
      () => this.board.stop(`draining: finishing ${this.board.running()} running task(s)`),
      { once: true },
    );
    signal.addEventListener('abort', () => this.stop.drain('stop signal'), { once: true });
    this.extras.force?.addEventListener('abort', () => this.stop.force('second stop signal'), { once: true });
    if (signal.aborted) this.stop.drain('stop signal');
    try {
      const me = await establishIdentity(this.client, this.options, this.adapter, this.logger, this.stop.noNewWork);
      if (me.status === 'terminated')
        return { code: 1, reason: `agent ${me.name} was terminated; enrol it again with an admin or enrolment token` };
      this.sessions = new SessionKeeper(me.sessionId);
      this.contextUsed = me.contextUsed;
      this.contextWindow = this.options.contextWindow ?? me.contextWindow ?? this.adapter.defaultContextWindow ?? null;
      if (me.parkedUntil && me.parkedUntil > Date.now()) this.startPause(me.parkedUntil, 'parked by the server');
    } catch (err) {
      if (this.stop.noNewWork.aborted) return { code: 0, reason: 'stopped before registering' };
      return { code: 1, reason: isAuthError(err) ? TOKEN_REFUSED : `could not register: ${(err as Error).message}` };
    }
    this.heartbeat = new Heartbeat(
      this.client,
      () => this.heartbeatInput(),
      (r) => this.onHeartbeat(r),
      (e) => isAuthError(e) && this.failFatally(e),
      this.logger,
    );
    this.heartbeat.start();
    this.logger.info(
      { adapter: this.adapter.name, concurrency: this.options.concurrency, workdir: this.options.workdir },
      'polling for work',
    );
    await Promise.all(Array.from({ length: this.options.concurrency }, (_, i) => this.slot(i)));
    this.stop.dispose();
    await this.heartbeat.stop(LAST_BEAT_GRACE_MS);
    if (this.fatal) return { code: 1, reason: isAuthError(this.fatal) ? TOKEN_REFUSED : this.fatal.message };
    if (this.terminated) return { code: 0, reason: 'terminated by the server' };
    await this.signOff();
    return { code: 0, reason: 'drained' };
  }

  /** Tells the server it stopped cleanly, so it shows `stopped` now instead of going unhealthy, then offline. */
  private async signOff(): Promise<void> {
    try {
      const reply = await this.client.mutate<{ status: string; requeued: number }>(
        'agents.signOff',
        {},
        AbortSignal.timeout(SIGN_OFF_TIMEOUT_MS),
      );
      this.logger.info({ status: reply.status, requeued: reply.requeued }, 'signed off');
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message },
        'sign-off not answered: the server will mark the agent unhealthy, then offline',
      );
    }
  }

  private async slot(i: number): Promise<void> {
    let failures = 0;
    while (!this.stop.noNewWork.aborted) {
      await this.pause.wait(this.stop.noNewWork);
      if (this.stop.noNewWork.aborted) break;
      if (this.board.isPaused) {
        this.board.pause(null);
        this.logger.info('rate limit over: polling again');
        await this.activityBeat;
      }
      await this.consolidateIfAsked(i);
      const pollSignal = AbortSignal.any([this.stop.noNewWork, this.pause.pollSignal, this.pollBreak.signal]);
      let assignment: Assignment | null;
      try {
        assignment = await this.client.mutate<Assignment | null>(
          'work.poll',
          { waitMs: this.options.pollWaitMs, start: true },
          pollSignal,
        );
        failures = 0;
      } catch (err) {
        if (pollSignal.aborted) continue;
        if (isAuthError(err)) this.failFatally(err);
        else if (err instanceof ApiError && err.status === 403) {
          // Refused as an agent: a terminated one hears so from its heartbeat, and then drains.
          this.logger.warn({ err: err.message }, 'poll refused');
          await this.heartbeat?.beatNow();
          if (!this.terminated) await sleep(backoffDelay(failures++), this.stop.noNewWork);
        } else {
          this.logger.warn({ err: (err as Error).message }, 'poll failed');
          await sleep(backoffDelay(failures++), this.stop.noNewWork);
        }
        continue;
      }
      if (assignment) await this.execute(i, assignment);
    }
  }

  private async execute(i: number, a: Assignment): Promise<void> {
    const lease = this.sessions.acquire();
    this.tasksSinceConsolidation++;
    let outcome: TaskOutcome;
    try {
      outcome = await runTask(a, {
        client: this.client,
        adapter: this.adapter,
        workdir: this.options.workdir,
        stallAfterMs: this.options.stallAfterMs,
        logger: this.logger,
        session: lease,
        kill: this.stop.killTasks,
        killGraceMs: () => this.stop.killGraceMs,
        reportSignal: () => this.stop.reportSignal(),
        progressIntervalMs: this.extras.progressIntervalMs,
        onActivity: (activity) => this.board.set(i, activity),
        onContext: (used, window) => {
          if (!lease.owned) return; // a fresh side session says nothing about the agent's own
          if (used !== undefined) this.contextUsed = used;
          if (window && !this.options.contextWindow) this.contextWindow = window; // --context-window wins
        },
      });
    } catch (err) {
      this.sessions.release(lease);
      this.board.set(i, { state: 'idle' });
      if (isAuthError(err)) this.failFatally(err);
      else this.logger.warn({ taskId: a.taskId, err: (err as Error).message }, 'task report not sent');
      return;
    }
    this.sessions.release(lease, outcome.sessionId);
    if (outcome.kind === 'rate-limited') this.startPause(outcome.resetAt, outcome.detail);
    if (outcome.kind === 'completed') this.board.set(i, { state: 'done', detail: a.title });
    else if (outcome.kind === 'failed') this.board.set(i, { state: 'failed', detail: truncate(outcome.error, 500) });
    else this.board.set(i, { state: 'idle' });
    if (outcome.kind === 'interrupted') {
      await this.activityBeat; // the server knows it is stopping before the task is handed back
      await this.release(a, 'agent draining');
    }
    if (outcome.kind === 'rate-limited') {
      // Park first (the heartbeat says rate-limited), then hand back: the task must not come straight back here.
      await this.activityBeat;
      await this.release(a, `rate-limited until ${new Date(outcome.resetAt).toISOString()}`);
    }
  }

  private startPause(resetAt: number, detail: string): void {
    this.pause.begin(resetAt);
    this.board.pause({ state: 'rate-limited', resetAt: Math.round(resetAt), detail: truncate(detail, 500) });
    this.logger.warn(
      { resetAt: new Date(resetAt).toISOString(), detail },
      'rate-limited: no new work until the limit lifts',
    );
  }

  private async release(a: Assignment, reason: string): Promise<void> {
    try {
      await this.client.mutate(
        'work.release',
        { taskId: a.taskId, leaseToken: a.leaseToken, reason },
        this.stop.reportSignal(),
      );
      this.logger.info({ taskId: a.taskId, reason }, 'task released');
    } catch (err) {
      if (isAuthError(err)) this.failFatally(err);
      else this.logger.warn({ taskId: a.taskId, err: (err as Error).message }, 'release not accepted');
    }
  }

  private async consolidateIfAsked(i: number): Promise<void> {
    if (!this.consolidateRequested || this.sessions.busy || this.tasksSinceConsolidation === 0) return;
    this.consolidateRequested = false;
    this.tasksSinceConsolidation = 0;
    const lease = this.sessions.acquire();
    this.board.set(i, { state: 'working', detail: 'consolidating the context window' });
    const done = await consolidateSession(this.adapter, lease.sessionId, {
      workdir: this.options.workdir,
      stallAfterMs: this.options.stallAfterMs,
      logger: this.logger,
      kill: this.stop.killTasks,
    });
    this.sessions.release(lease, done.sessionId);
    this.contextUsed = done.contextUsed;
    this.board.set(i, { state: 'idle' });
    await this.heartbeat?.beatNow();
  }

  private heartbeatInput(): Record<string, unknown> {
    return {
      load: Math.min(1, this.board.running() / this.options.concurrency),
      activity: this.board.forHeartbeat(),
      sessionId: this.sessions.current,
      ...(this.contextUsed !== null ? { contextUsed: Math.max(0, Math.round(this.contextUsed)) } : {}),
      ...(this.contextWindow ? { contextWindow: this.contextWindow } : {}),
    };
  }

  private onHeartbeat(reply: HeartbeatReply): void {
    if (reply.status !== this.serverStatus) {
      this.serverStatus = reply.status;
      this.logger.info({ status: reply.status }, 'agent status');
    }
    if (reply.status === 'terminated' && !this.terminated) {
      this.terminated = true;
      // Its work was already handed to others: a CLI still running it would only duplicate it.
      this.stop.force('terminated by the server');
    }
    if (reply.consolidate && !this.consolidateRequested) {
      this.consolidateRequested = true;
      this.pollBreak.abort(); // the server holds a full agent: consolidate now, not after the poll
      this.pollBreak = new AbortController();
      this.logger.info(
        { contextUsed: this.contextUsed, contextWindow: this.contextWindow },
        'context window nearly full: consolidating before the next task',
      );
    }
  }

  private failFatally(err: Error): void {
    if (this.fatal) return;
    this.fatal = err;
    this.logger.error({ err: err.message }, 'fatal: stopping');
    this.stop.abandonReports();
    this.stop.force('fatal error');
  }
}
