import { tracked } from '@trpc/server';
import { z } from 'zod';
import type { AnyBusEvent } from '@/server/core/events';
import { procedure, router } from '../init';

export type LiveEvent = AnyBusEvent | { id: string; name: 'resync'; payload: Record<string, never>; at: number };

export const eventsRouter = router({
  /**
   * Every core event, live over SSE. On reconnect the client sends the last id it saw and
   * gets what it missed; when that is too old it gets `resync` and refetches its views.
   */
  live: procedure
    .input(z.object({ lastEventId: z.string().max(100).nullish() }).optional())
    .subscription(async function* ({ ctx, input, signal }) {
      const queue: AnyBusEvent[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = ctx.runtime.bus.subscribe((e) => {
        queue.push(e);
        wake?.();
      });
      try {
        let lastId = input?.lastEventId ?? null;
        if (lastId) {
          const missed = await ctx.runtime.bus.since(lastId);
          if (missed === null) {
            yield tracked(`resync-${Date.now()}`, {
              id: 'resync',
              name: 'resync',
              payload: {},
              at: Date.now(),
            } as LiveEvent);
          } else {
            for (const e of missed) yield tracked(e.id, e as LiveEvent);
            lastId = missed.at(-1)?.id ?? lastId;
          }
        }
        const seen = new Set<string>(lastId ? [lastId] : []);
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
          if (seen.has(e.id)) continue;
          if (seen.size > 1000) seen.clear();
          seen.add(e.id);
          yield tracked(e.id, e as LiveEvent);
        }
      } finally {
        unsubscribe();
      }
    }),
});
