import type { Logger } from './logger';

/**
 * How a worker winds down. Drain: stop taking work (`noNewWork`), give running CLIs
 * `drainTimeoutMs`, then stop them (`killTasks`, SIGKILL `killGraceMs` after SIGTERM). Force
 * (second signal, fatal error): stop them now; reports then get a few seconds, not forever.
 */
export class StopControl {
  private readonly stopping = new AbortController();
  private readonly kill = new AbortController();
  private readonly giveUpReports = new AbortController();
  private drainTimer: NodeJS.Timeout | undefined;
  private forced = false;
  killGraceMs = 5000;

  constructor(
    private readonly drainTimeoutMs: number,
    private readonly logger: Logger,
  ) {}

  get noNewWork(): AbortSignal {
    return this.stopping.signal;
  }

  get killTasks(): AbortSignal {
    return this.kill.signal;
  }

  drain(why: string): void {
    if (this.stopping.signal.aborted) return;
    this.logger.info({ why, drainTimeoutMs: this.drainTimeoutMs }, 'draining: no new work, running tasks may finish');
    this.stopping.abort();
    this.drainTimer = setTimeout(() => this.kill.abort(), this.drainTimeoutMs);
  }

  force(why: string): void {
    this.forced = true;
    this.killGraceMs = 500;
    this.drain(why);
    this.kill.abort();
  }

  /** Reporting is pointless (the token is gone): stop retrying reports at once. */
  abandonReports(): void {
    this.giveUpReports.abort();
  }

  /** For reporting calls, which retry through outages until this aborts. */
  reportSignal(): AbortSignal {
    return this.forced
      ? AbortSignal.any([this.giveUpReports.signal, AbortSignal.timeout(5000)])
      : this.giveUpReports.signal;
  }

  dispose(): void {
    clearTimeout(this.drainTimer);
  }
}
