import type { AnyBusEvent } from '../events';
import type { Clock, Logger } from '../ports';
import { deliverAll } from '../shared/deliver';
import { Ticker } from '../shared/ticker';
import type { EventLogStore } from './ports';
import { readAfter } from './read-after';

/** The safety net when no wake-up comes (the notification connection is down): a replica is never further behind than this. */
export const DEFAULT_LOG_POLL_MS = 1_000;
/**
 * Wake-ups closer together than this share one read: under load every commit wakes the reader,
 * and reading back each one alone cost the write path a fifth of its throughput (embedded mode).
 */
export const LOG_READ_GAP_MS = 20;

/**
 * The replica's one reader of the event log: it follows the log in position (= commit) order and
 * hands every event, once, to everything on this replica that listens (core modules, every live
 * stream). 500 dashboards cost one query per wake-up, not 500.
 */
export class LogFeed {
  private readonly handlers = new Set<(e: AnyBusEvent) => void>();
  private last = 0;
  private started = false;
  readonly loop: Ticker;

  constructor(
    private readonly log: EventLogStore,
    clock: Clock,
    logger: Logger,
    pollMs = DEFAULT_LOG_POLL_MS,
  ) {
    // Every replica reads the whole log for its own modules.
    this.loop = new Ticker('event-log-reader', pollMs, () => this.catchUp(), clock, logger, {
      scope: 'replica',
      minKickGapMs: LOG_READ_GAP_MS,
    });
  }

  /** The last position handed out: a live stream that starts now resumes from here. */
  get position(): number {
    return this.last;
  }

  /** Starts after the current end of the log (what came before is history, read with `replay`). */
  async start(): Promise<void> {
    if (this.started) return;
    this.last = await this.log.head();
    this.started = true;
    this.loop.start();
  }

  /** Events were committed somewhere: read them now. */
  wake(): void {
    this.loop.kick();
  }

  subscribe(handler: (e: AnyBusEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Reads and hands out everything committed since the last read. */
  async catchUp(): Promise<void> {
    for await (const e of readAfter(this.log, this.last)) {
      this.last = Number(e.id);
      deliverAll(this.handlers, e);
    }
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    this.handlers.clear();
  }
}
