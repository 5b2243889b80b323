import type { AnyBusEvent } from '../events';
import type { Clock, Logger } from '../ports';
import { Ticker } from '../shared/ticker';
import type { EventLogStore } from './ports';

export interface DurableConsumerOptions {
  /** Events handled per batch before the cursor is saved. */
  batch?: number;
  /** How often it looks for new events without a wake-up. */
  intervalMs?: number;
  /** Where a consumer seen for the first time starts: the log's end (default) or its oldest event. */
  from?: 'end' | 'start';
}

/**
 * A consumer that must not miss an event (webhook and notification deliveries): it keeps its
 * cursor in the database and moves it after each handled batch, so a crash or a restart on any
 * replica goes on from there. Delivery is at least once: a crash after handling and before the
 * cursor moved hands the same events again, so `handle` must be idempotent by event id. An event
 * whose handling throws is retried (with the loop's backoff) before anything after it.
 */
export class DurableConsumer {
  readonly loop: Ticker;
  private readonly batch: number;

  constructor(
    readonly name: string,
    private readonly log: EventLogStore,
    private readonly handle: (e: AnyBusEvent) => Promise<void>,
    clock: Clock,
    logger: Logger,
    private readonly opts: DurableConsumerOptions = {},
  ) {
    this.batch = opts.batch ?? 100;
    // Deliveries happen once cluster-wide: the leader runs them (its cursor moves conditionally all the same).
    this.loop = new Ticker(`consumer:${name}`, opts.intervalMs ?? 5_000, () => this.drain(), clock, logger, {
      scope: 'cluster',
    });
  }

  /** New events are in the log. */
  wake(): void {
    this.loop.kick();
  }

  /** Handles everything after the stored cursor, a batch at a time. */
  async drain(): Promise<void> {
    const startAt = this.opts.from === 'start' ? ((await this.log.oldest()) ?? 1) - 1 : await this.log.head();
    let cursor = await this.log.cursor(this.name, startAt);
    for (;;) {
      const events = await this.log.after(cursor, this.batch);
      if (!events.length) return;
      let handled = cursor;
      let failure: unknown = null;
      for (const e of events) {
        try {
          await this.handle(e);
        } catch (err) {
          failure = err;
          break;
        }
        handled = Number(e.id);
      }
      // Whatever was handled stays handled, even when a later event of the batch failed.
      // Another process moved the cursor first: it handles what follows.
      if (handled > cursor && !(await this.log.advance(this.name, cursor, handled))) return;
      if (failure) throw failure;
      cursor = handled;
      if (events.length < this.batch) return;
    }
  }
}
