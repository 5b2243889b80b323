'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { ActionError } from './action-error';
import { useTaskChanged } from './use-task-action';

/** Removes a dead-lettered task for good; asks first, since it cannot be undone from here. */
export function DiscardTaskButton({ taskId, size = 'sm' }: { taskId: string; size?: 'sm' | 'md' }) {
  const trpc = useTRPC();
  const changed = useTaskChanged();
  const [confirming, setConfirming] = useState(false);
  const discard = useMutation(trpc.tasks.discard.mutationOptions({
    onSuccess: () => {
      setConfirming(false);
      changed(taskId);
    },
  }));
  return (
    <>
      {confirming ? (
        <span role="group" aria-label="Confirm discard" className="inline-flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-600 dark:text-slate-300">Discard for good?</span>
          <Button variant="danger" size={size} onClick={() => discard.mutate({ id: taskId })} disabled={discard.isPending}>
            {discard.isPending ? <><ButtonSpinner />Discarding…</> : 'Yes, discard'}
          </Button>
          <Button variant="ghost" size={size} onClick={() => { discard.reset(); setConfirming(false); }} disabled={discard.isPending}>Keep</Button>
        </span>
      ) : (
        <Button variant="secondary" size={size} onClick={() => setConfirming(true)} disabled={discard.isSuccess}>
          {discard.isSuccess ? 'Discarded' : 'Discard'}
        </Button>
      )}
      <ActionError error={discard.error} className="w-full" />
    </>
  );
}
