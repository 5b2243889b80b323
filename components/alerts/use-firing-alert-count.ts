'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/client';

/**
 * Firing alerts that notify (neither silenced nor inhibited), for the nav badge. Live: every alert event refreshes the alerts router, this query with it.
 */
export function useFiringAlertCount(): number | null {
  const trpc = useTRPC();
  const q = useQuery(trpc.alerts.counts.queryOptions());
  return q.data ? q.data.badge : null;
}
