'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/components/trpc/client';

/**
 * After an operator's action on an alert: the alert, the lists and the nav badge refetch at once,
 * without waiting for the live event (which refreshes them again for everyone else).
 */
export function useAlertsChanged(): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries(trpc.alerts.pathFilter()), [queryClient, trpc]);
}
