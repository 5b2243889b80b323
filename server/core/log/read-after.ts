import type { AnyBusEvent } from '../events';
import type { EventLogStore } from './ports';

/** How many events one read takes; a reader further behind reads again at once. */
export const READ_BATCH = 1_000;

/** Every event committed after `position`, in commit order, read a batch at a time until caught up. */
export async function* readAfter(log: EventLogStore, position: number): AsyncGenerator<AnyBusEvent> {
  for (let last = position; ;) {
    const batch = await log.after(last, READ_BATCH);
    for (const e of batch) {
      last = Number(e.id);
      yield e;
    }
    if (batch.length < READ_BATCH) return;
  }
}
