'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '@/components/trpc/client';

/**
 * After an operator action on a task: its page and every task list (the dead-letter queue
 * included) refetch at once, without waiting for the live event.
 */
export function useTaskChanged(): (taskId: string) => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (taskId: string) => {
      void queryClient.invalidateQueries(trpc.tasks.detail.queryFilter({ id: taskId }));
      void queryClient.invalidateQueries(trpc.tasks.get.queryFilter({ id: taskId }));
      void queryClient.invalidateQueries(trpc.tasks.list.pathFilter());
    },
    [queryClient, trpc],
  );
}

/** After a bulk action: every task page and list refetch. */
export function useTasksChanged(): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries(trpc.tasks.detail.pathFilter());
    void queryClient.invalidateQueries(trpc.tasks.get.pathFilter());
    void queryClient.invalidateQueries(trpc.tasks.list.pathFilter());
  }, [queryClient, trpc]);
}
