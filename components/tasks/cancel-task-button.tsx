'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';

/** Two clicks to cancel, so a stray tap does not kill running work. */
export function CancelTaskButton({ taskId }: { taskId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(trpc.tasks.cancel.mutationOptions({
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries(trpc.tasks.detail.queryFilter({ id: taskId }));
      void queryClient.invalidateQueries(trpc.tasks.list.pathFilter());
    },
  }));
  return (
    <div className="flex flex-wrap items-center gap-2">
      {confirming ? (
        <>
          <span className="text-sm text-slate-600 dark:text-slate-300">Cancel this task?</span>
          <Button variant="danger" size="sm" onClick={() => cancel.mutate({ id: taskId })} disabled={cancel.isPending}>
            {cancel.isPending ? 'Cancelling…' : 'Yes, cancel'}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>Keep</Button>
        </>
      ) : (
        <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>Cancel task</Button>
      )}
      {cancel.error && <p role="alert" className="w-full text-sm text-red-600">{cancel.error.message}</p>}
    </div>
  );
}
