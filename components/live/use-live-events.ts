'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '@/components/trpc/client';
import type { LiveEvent } from '@/server/trpc/routers/events';
import { invalidateKeys } from './invalidate-keys';
import { staleKeysFor } from './invalidation-plan';
import { InvalidationScheduler } from './invalidation-scheduler';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

// Views that many events touch at once (a busy fleet, a thousand agents registering): refetched at most once a second.
const SLOW_KEYS = new Set(['overview', 'distribution', 'pools', 'agents']);

/**
 * The dashboard's one subscription to `events.live`. Each event marks the affected queries
 * stale (coalesced: 150 ms, the overview 1 s); active views refetch, nothing polls.
 * httpSubscriptionLink resumes with the last event id after a drop; the server answers
 * `resync` when it cannot replay, and we then refresh everything. `onEvent` sees every event too
 * (the shell's toast for a new critical alert).
 */
export function useLiveEvents(onEvent?: (event: LiveEvent) => void): {
  status: LiveStatus;
  error: string | null;
  retry: () => void;
} {
  const trpc = useTRPC();
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);
  const queryClient = useQueryClient();
  const schedulerRef = useRef<InvalidationScheduler | null>(null);
  const seenEvent = useRef(false);
  const connectedOnce = useRef(false);

  useEffect(() => {
    const scheduler: InvalidationScheduler = new InvalidationScheduler(
      (keys) => {
        const retry = invalidateKeys(queryClient, trpc, keys);
        if (retry.length) scheduler.add(retry);
      },
      { delayMs: 150, slowDelayMs: 1000, slowKeys: SLOW_KEYS },
    );
    schedulerRef.current = scheduler;
    return () => scheduler.dispose();
  }, [queryClient, trpc]);

  const sub = useSubscription(
    trpc.events.live.subscriptionOptions(undefined, {
      onStarted: () => {
        // Until the first event there is no id to resume from, so anything that happened since
        // the page was rendered (or while disconnected) could be missed: refresh once.
        if (!seenEvent.current) schedulerRef.current?.add(['all']);
        connectedOnce.current = true;
      },
      onData: ({ data }) => {
        seenEvent.current = true;
        schedulerRef.current?.add(staleKeysFor(data));
        onEventRef.current?.(data);
      },
    }),
  );

  let status: LiveStatus;
  if (sub.status === 'pending') status = 'live';
  else if (sub.status === 'error') status = 'offline';
  else status = connectedOnce.current ? 'reconnecting' : 'connecting';

  return { status, error: sub.error?.message ?? null, retry: sub.reset };
}
