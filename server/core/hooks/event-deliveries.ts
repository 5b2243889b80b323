import type { NewDelivery } from '../deliveries/ports';
import type { AnyBusEvent } from '../events';
import type { Clock } from '../ports';
import { hookEventsOf } from './catalogue';
import { matchesAny } from './patterns';
import type { Hook, HookStore } from './ports';

/**
 * The hook dispatcher's handler (a durable consumer of the log): each log event becomes its
 * catalogue events, and each of those one delivery per enabled subscription that matches.
 * Idempotent: a replayed batch finds its deliveries' dedupe keys taken and adds nothing.
 */
export function createEventDeliveries(
  hooks: HookStore,
  enqueue: (rows: NewDelivery[]) => Promise<unknown>,
  clock: Clock,
  refreshMs = 1_000,
) {
  let subs: Hook[] = [];
  let loadedAt = -Infinity;
  // A change during a read makes that read stale: it must not count as fresh.
  let generation = 0;
  const subscriptions = async () => {
    if (clock.now() - loadedAt >= refreshMs) {
      const seen = generation;
      subs = await hooks.enabled('event');
      if (seen === generation) loadedAt = clock.now();
    }
    return subs;
  };
  return {
    /** A subscription changed on this replica: read them again before the next event. */
    invalidate() {
      generation++;
      loadedAt = -Infinity;
    },
    async handle(e: AnyBusEvent): Promise<void> {
      const events = hookEventsOf(e);
      if (!events.length) return;
      const targets = await subscriptions();
      const rows: NewDelivery[] = [];
      for (const h of events) {
        for (const hook of targets) {
          if (!hook.enabled || !hook.patterns.length || !matchesAny(hook.patterns, h.event)) continue;
          rows.push({
            targetKind: 'hook',
            targetId: hook.id,
            // The deliverer sends one subject's deliveries in order, and a failing one holds back only its subject.
            subject: h.subject,
            dedupeKey: `${h.id}:${h.event}`,
            eventName: h.event,
            eventPosition: Number(e.id),
            body: JSON.stringify(h),
          });
        }
      }
      if (rows.length) await enqueue(rows);
    },
  };
}
