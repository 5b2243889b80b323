import type { AnyBusEvent } from '../events';

/** The durable event log as the core reads it. Events are written by the database itself (see `db/schema/events.ts`). */
export interface EventLogStore {
  /** Events after `position`, in commit order, at most `limit`. */
  after(position: number, limit: number): Promise<AnyBusEvent[]>;
  /** The newest position written (0 when nothing ever was). */
  head(): Promise<number>;
  /** The oldest position still kept, or null when the log is empty. */
  oldest(): Promise<number | null>;
  /**
   * Deletes up to `batch` of the oldest events written more than `olderThanMs` ago (database
   * time) that every durable consumer has handled; returns how many went.
   */
  prune(olderThanMs: number, batch: number): Promise<number>;
  /** A durable consumer's cursor, created at `startAt` when the consumer is new. */
  cursor(consumer: string, startAt: number): Promise<number>;
  /** Moves the cursor from `from` to `to`; false when another process moved it first. */
  advance(consumer: string, from: number, to: number): Promise<boolean>;
  /** Every consumer with its cursor and how many events it has still to handle. */
  consumers(): Promise<{ name: string; position: number; behind: number }[]>;
}

/** Wake-ups when any replica commits events (PostgreSQL NOTIFY, sent by the database on commit). */
export interface LogWakeups {
  /** Calls `wake` soon after events commit, and after the watch reconnects; returns stop. */
  watch(wake: () => void): Promise<() => Promise<void>>;
}
