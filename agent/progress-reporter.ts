import { type ApiClient, isAuthError, isRefusal } from './client';
import type { Logger } from './logger';

const MAX_MESSAGE = 10_000;

export interface Lease {
  taskId: string;
  leaseToken: string;
}

/**
 * Streams a task's output lines to `work.progress`, a few calls a second at most: lines that
 * arrive in between are joined into one message (the newest 10 000 characters of it).
 */
export class ProgressReporter {
  private lines: string[] = [];
  private size = 0;
  private percent: number | undefined;
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | null = null;
  private lastSentAt = 0;
  private closing = false;
  private closed = false;

  constructor(
    private readonly client: ApiClient,
    private readonly lease: Lease,
    private readonly opts: {
      minIntervalMs: number;
      logger: Logger;
      signal: AbortSignal;
      onRefused: (err: unknown) => void;
    },
  ) {}

  line(text: string): void {
    this.lines.push(text);
    this.size += text.length + 1;
    while (this.size > MAX_MESSAGE && this.lines.length > 1) this.size -= this.lines.shift()!.length + 1;
    this.touch();
  }

  progress(percent: number, message?: string): void {
    this.percent = percent;
    if (message) this.line(message);
    else this.touch();
  }

  /** Sends what is buffered and waits for it; nothing more is sent after. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
    if (this.dirty) await this.send();
    this.closed = true;
  }

  private touch(): void {
    this.dirty = true;
    if (this.timer || this.inFlight || this.closing) return;
    const wait = Math.max(0, this.lastSentAt + this.opts.minIntervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.send();
    }, wait);
  }

  private send(): Promise<void> {
    if (this.closed || !this.dirty) return Promise.resolve();
    const message = this.lines.join('\n');
    const body = {
      ...this.lease,
      message: message.length > MAX_MESSAGE ? message.slice(-MAX_MESSAGE) : message,
      ...(this.percent !== undefined ? { percent: this.percent } : {}),
    };
    this.lines = [];
    this.size = 0;
    this.dirty = false;
    this.lastSentAt = Date.now();
    this.inFlight = this.client
      .mutate('work.progress', body, this.opts.signal)
      .then(
        () => {},
        (err) => {
          if (isRefusal(err) || isAuthError(err)) this.opts.onRefused(err);
          else if (!this.opts.signal.aborted)
            this.opts.logger.warn({ taskId: this.lease.taskId, err: (err as Error).message }, 'progress not sent');
        },
      )
      .finally(() => {
        this.inFlight = null;
        if (this.dirty) this.touch();
      });
    return this.inFlight;
  }
}
