'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { ActionError } from '@/components/tasks/action-error';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';

/** Deletes the pool after a confirmation: its agents are terminated and their work requeued. */
export function DeletePoolButton({ poolId, name, size }: { poolId: string; name: string; size: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(trpc.pools.remove.mutationOptions({
    onSuccess: () => {
      void queryClient.invalidateQueries(trpc.pools.list.pathFilter());
      void queryClient.invalidateQueries(trpc.agents.list.pathFilter());
      router.push('/pools');
    },
  }));
  const agents = `${size} agent${size === 1 ? '' : 's'}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {confirming ? (
        <span role="group" aria-label="Confirm delete" className="inline-flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-600 dark:text-slate-300">Delete {name}{size ? ` and terminate its ${agents}` : ''}? Their tasks go back to the queue.</span>
          <Button variant="danger" size="sm" disabled={remove.isPending || remove.isSuccess} onClick={() => remove.mutate({ id: poolId })}>
            {remove.isPending || remove.isSuccess ? <><ButtonSpinner />Deleting…</> : 'Yes, delete'}
          </Button>
          <Button variant="ghost" size="sm" disabled={remove.isPending} onClick={() => setConfirming(false)}>Keep</Button>
        </span>
      ) : (
        <Button variant="secondary" size="sm" onClick={() => { remove.reset(); setConfirming(true); }}>Delete pool</Button>
      )}
      <ActionError error={remove.error} className="w-full" />
    </div>
  );
}
