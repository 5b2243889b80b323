'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { formatCountdown } from '@/components/tasks/countdown';
import { useTRPC } from '@/components/trpc/client';
import { ClockTime } from '@/components/ui/clock-time';
import { useNow } from '@/components/ui/use-now';

/**
 * "parked until 10:22:03 (in 42 s)", ticking. No event marks the end of a park, so the agent is
 * fetched once when it is due: its hold is gone by then.
 */
export function ParkedCountdown({ agentId, until }: { agentId: string; until: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow();
  useEffect(() => {
    const wait = until - Date.now();
    if (wait < 0) return;
    const timer = setTimeout(
      () => void queryClient.invalidateQueries(trpc.agents.get.queryFilter({ id: agentId })),
      wait + 250,
    );
    return () => clearTimeout(timer);
  }, [agentId, until, queryClient, trpc]);
  const left = now == null ? null : formatCountdown(until, now);
  return (
    <span data-testid="agent-parked-until" className="tabular-nums">
      {now != null && !left ? (
        <>
          park ended at <ClockTime at={until} />
        </>
      ) : (
        <>
          parked until <ClockTime at={until} />
          {left && (
            <>
              {' '}
              (in <span data-testid="agent-parked-left">{left}</span>)
            </>
          )}
        </>
      )}
    </span>
  );
}
