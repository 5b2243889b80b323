import type { Actor } from '@/server/core/model';
import { appRouter } from '@/server/trpc/root';
import { refusal, type Refusal } from './refusal';

/** Paths of subscriptions (`events.live`): long-lived SSE answers. */
export function isSubscription(path: string): boolean {
  // At run time `_def.procedures` is flat: `"events.live"` → procedure.
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>;
  return procedures[path]?._def.type === 'subscription';
}

/** Open live streams per session (or token) on this server, with a cap. */
export class LiveStreamSlots {
  private readonly open = new Map<string, number>();

  /** A release function, or null when the key already holds `max` streams. */
  acquire(key: string, max: number): (() => void) | null {
    const n = this.open.get(key) ?? 0;
    if (n >= max) return null;
    this.open.set(key, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    };
  }

  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}

/**
 * Admits a subscription before it starts streaming, so that refusals are real HTTP statuses
 * (401, 429) rather than a 200 carrying an error event. Returns the slot's release function.
 */
export function admitLiveStream(
  slots: LiveStreamSlots,
  who: { actor: Actor | null; sessionToken?: string },
  max: number,
): Refusal | (() => void) {
  if (!who.actor)
    return refusal('UNAUTHORIZED', 'authentication required: sign in, or send "Authorization: Bearer <token>"');
  const key = who.sessionToken ? `session:${who.sessionToken}` : `${who.actor.kind}:${who.actor.id}`;
  const release = slots.acquire(key, max);
  if (release) return release;
  return refusal(
    'TOO_MANY_REQUESTS',
    `this session already has ${max} live streams open (FLIGHTDECK_MAX_STREAMS_PER_SESSION): close a dashboard tab or window`,
  );
}
