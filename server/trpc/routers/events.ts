import { tracked } from '@trpc/server';
import { z } from 'zod';
import type { AnyBusEvent } from '@/server/core/events';
import type { EventLogStore } from '@/server/core/log/ports';
import { readAfter } from '@/server/core/log/read-after';
import { procedure, router } from '../init';

export type LiveEvent = AnyBusEvent | { id: string; name: 'resync'; payload: Record<string, never>; at: number };

/** A client further behind than this refetches its views instead of replaying every event. */
export const MAX_REPLAY = 10_000;

/**
 * Whether a stream can resume after `from` from the log: it must be a position of this database
 * (not past its end), not pruned away, and not so far back that a refetch is cheaper.
 */
async function resumable(log: EventLogStore, from: number): Promise<boolean> {
  const [head, oldest] = await Promise.all([log.head(), log.oldest()]);
  return from <= head && head - from <= MAX_REPLAY && (oldest === null || from >= oldest - 1);
}

export const eventsRouter = router({
  /**
   * Every state change, live over SSE, in commit order. Each event's id is its log position; a
   * client that reconnects (to any replica) with the last id it saw gets exactly what it missed,
   * from the database, then the live stream. Signals (heartbeats, progress, activity) ride along
   * under the last position, so resuming never skips or repeats a state change. When the id
   * cannot be resumed from (pruned, another database, too far behind) the client gets `resync`
   * and refetches its views.
   */
  live: procedure
    .input(z.object({ lastEventId: z.string().max(100).nullish() }).optional())
    .subscription(async function* ({ ctx, input, signal }) {
      const { feed } = ctx.runtime.core;
      const log = ctx.runtime.store.events;
      const queue: AnyBusEvent[] = [];
      let wake: (() => void) | null = null;
      const push = (e: AnyBusEvent) => {
        queue.push(e);
        wake?.();
      };
      // Listen first, then read the log: nothing committed in between can fall through.
      const offLog = feed.subscribe(push);
      const offSignals = ctx.runtime.bus.subscribe(push);
      try {
        let last = feed.position;
        const asked = input?.lastEventId;
        if (asked) {
          const from = /^\d{1,15}$/.test(asked) ? Number(asked) : null;
          if (from === null || !(await resumable(log, from))) {
            const resync: LiveEvent = { id: 'resync', name: 'resync', payload: {}, at: Date.now() };
            yield tracked(String(last), resync);
          } else {
            last = from;
            for await (const e of readAfter(log, from)) {
              last = Number(e.id);
              yield tracked(e.id, e as LiveEvent);
            }
          }
        }
        while (!signal?.aborted) {
          if (!queue.length) {
            await new Promise<void>((resolve) => {
              const onAbort = () => resolve();
              signal?.addEventListener('abort', onAbort, { once: true });
              wake = () => {
                signal?.removeEventListener('abort', onAbort);
                resolve();
              };
            });
            wake = null;
            continue;
          }
          const e = queue.shift()!;
          if (e.id.startsWith('~')) {
            yield tracked(String(last), e as LiveEvent);
            continue;
          }
          // Already sent from the database while catching up.
          if (Number(e.id) <= last) continue;
          last = Number(e.id);
          yield tracked(e.id, e as LiveEvent);
        }
      } finally {
        offLog();
        offSignals();
      }
    }),
});
