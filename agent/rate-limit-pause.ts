import { sleep } from './backoff';

/**
 * The agent-wide stop while a CLI's rate limit lasts: no slot polls until `resetAt`, and polls
 * already open are aborted so no task is taken that could not run.
 */
export class RateLimitPause {
  private until = 0;
  private controller = new AbortController();

  /** Aborts when a pause begins; a fresh signal for each pause. */
  get pollSignal(): AbortSignal {
    return this.controller.signal;
  }

  get active(): boolean {
    return Date.now() < this.until;
  }

  get resetAt(): number {
    return this.until;
  }

  begin(resetAt: number): void {
    this.until = Math.max(this.until, resetAt);
    this.controller.abort();
    this.controller = new AbortController();
  }

  /** Waits out the pause (or until `signal` aborts); true when there was one to wait out. */
  async wait(signal: AbortSignal): Promise<boolean> {
    let waited = false;
    while (this.active && !signal.aborted) {
      waited = true;
      await sleep(this.until - Date.now(), signal);
    }
    return waited;
  }
}
