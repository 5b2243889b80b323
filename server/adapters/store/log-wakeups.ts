import type { Database } from '@/db/client';
import type { LogWakeups } from '@/server/core/log/ports';

/** The channel the event-log trigger notifies on (migration 0011). */
export const EVENTS_CHANNEL = 'flightdeck_events';

/**
 * Wake-ups from the database itself: NOTIFY is sent on commit, by the transaction that wrote the
 * events, so no commit goes unannounced the way a publish after the commit could (a crash between
 * the two). A lost listening connection reconnects and wakes the reader to catch up.
 */
export function databaseLogWakeups(database: Database): LogWakeups {
  return {
    watch: (wake) => database.listen(EVENTS_CHANNEL, wake, wake),
  };
}
