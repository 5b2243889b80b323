'use client';

import { useMutation } from '@tanstack/react-query';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { ActionError } from './action-error';
import { useTaskChanged } from './use-task-action';

interface RetryTaskButtonProps {
  taskId: string;
  size?: 'sm' | 'md';
  variant?: 'primary' | 'secondary';
}

/** Back to the queue with a fresh set of attempts (a dead-lettered, failed or cancelled task). */
export function RetryTaskButton({ taskId, size = 'sm', variant = 'primary' }: RetryTaskButtonProps) {
  const trpc = useTRPC();
  const changed = useTaskChanged();
  const retry = useMutation(trpc.tasks.retry.mutationOptions({ onSuccess: () => changed(taskId) }));
  return (
    <>
      <Button variant={variant} size={size} onClick={() => retry.mutate({ id: taskId })} disabled={retry.isPending || retry.isSuccess}>
        {retry.isPending ? <><ButtonSpinner />Retrying…</> : retry.isSuccess ? 'Queued again' : 'Retry'}
      </Button>
      <ActionError error={retry.error} className="w-full" />
    </>
  );
}
