import type { Database } from '@/db/client';
import type { LogWakeups } from '@/server/core/log/ports';

/**
 * Wake-ups from the database itself. On PostgreSQL, NOTIFY is sent on commit by the transaction
 * that wrote the events, so no commit goes unannounced the way a publish after the commit could
 * (a crash between the two); a lost listening connection reconnects and wakes the reader to catch
 * up. Embedded PGlite signals its own commits in-process.
 */
export function databaseLogWakeups(database: Database): LogWakeups {
  return {
    watch: (wake) => database.watchEvents(wake, wake),
  };
}
