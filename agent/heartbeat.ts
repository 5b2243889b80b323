import type { ApiClient } from './client';
import type { Logger } from './logger';
import type { HeartbeatReply } from './worker-types';

/**
 * Heartbeats on the server's interval, and at once when asked (activity changed). A ticker:
 * never two beats in flight, `stop()` waits for the one in flight. A beat asked for while one
 * is in flight is sent right after it, with the state as it is then.
 */
export class Heartbeat {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | null = null;
  /** Callers waiting for the next beat to be sent. */
  private pending: (() => void)[] = [];
  private stopped = false;
  private readonly abort = new AbortController();
  private intervalMs: number;

  constructor(
    private readonly client: ApiClient,
    private readonly input: () => Record<string, unknown>,
    private readonly onReply: (reply: HeartbeatReply) => void,
    private readonly onError: (err: unknown) => void,
    private readonly logger: Logger,
    initialIntervalMs = 5000,
  ) {
    this.intervalMs = initialIntervalMs;
  }

  start(): void {
    void this.beatNow();
  }

  /** Sends a beat as soon as possible; resolves once a beat carrying the current state is answered. */
  beatNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const sent = new Promise<void>((resolve) => this.pending.push(resolve));
    if (!this.inFlight) this.run();
    return sent;
  }

  /** Sends no more beats; one in flight gets up to `graceMs` to be answered before it is cut off. */
  async stop(graceMs = 0): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (graceMs > 0 && this.inFlight)
      await Promise.race([this.inFlight, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    this.abort.abort();
    await this.inFlight;
    this.pending.splice(0).forEach((resolve) => resolve());
  }

  private run(): void {
    clearTimeout(this.timer);
    const waiters = this.pending.splice(0);
    this.inFlight = this.send().finally(() => {
      this.inFlight = null;
      waiters.forEach((resolve) => resolve());
      if (this.pending.length && !this.stopped) this.run();
      else if (!this.stopped) this.timer = setTimeout(() => this.inFlight || this.run(), this.intervalMs);
    });
  }

  private async send(): Promise<void> {
    try {
      const reply = await this.client.mutate<HeartbeatReply>('agents.heartbeat', this.input(), this.abort.signal);
      if (reply.heartbeatIntervalMs > 0) this.intervalMs = reply.heartbeatIntervalMs;
      this.onReply(reply);
    } catch (err) {
      if (this.abort.signal.aborted) return;
      this.logger.warn({ err: (err as Error).message }, 'heartbeat failed');
      this.onError(err);
    }
  }
}
