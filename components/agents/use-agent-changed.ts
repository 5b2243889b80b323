'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/components/trpc/client';

/**
 * After an operator acts on an agent: its page, the agents list and the pools (whose members
 * and counts it changes) refetch at once, without waiting for the live event.
 */
export function useAgentChanged(): (agentId: string) => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (agentId: string) => {
      void queryClient.invalidateQueries(trpc.agents.get.queryFilter({ id: agentId }));
      void queryClient.invalidateQueries(trpc.agents.list.pathFilter());
      void queryClient.invalidateQueries(trpc.pools.pathFilter());
    },
    [queryClient, trpc],
  );
}
