'use client';

import { useMutation } from '@tanstack/react-query';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { useTaskChanged } from './use-task-action';

interface RetryTaskButtonProps {
  taskId: string;
  /** Named in the toast that says what happened. */
  title: string;
  size?: 'sm' | 'md';
  variant?: 'primary' | 'secondary';
}

/** Back to the queue with a fresh set of attempts (a dead-lettered, failed or cancelled task). */
export function RetryTaskButton({ taskId, title, size = 'sm', variant = 'primary' }: RetryTaskButtonProps) {
  const trpc = useTRPC();
  const changed = useTaskChanged();
  const toast = useToast();
  const retry = useMutation(
    trpc.tasks.retry.mutationOptions({
      onSuccess: (task) => {
        changed(taskId);
        toast({
          title: `Retried task "${title}"`,
          description: `Back in the queue with ${task.maxAttempts - task.attempt} more attempts.`,
        });
      },
      onError: (err) => toast({ title: `Could not retry task "${title}"`, description: err.message, kind: 'error' }),
    }),
  );
  return (
    <Button
      variant={variant}
      size={size}
      onClick={() => retry.mutate({ id: taskId })}
      disabled={retry.isPending || retry.isSuccess}
    >
      {retry.isPending ? (
        <>
          <ButtonSpinner />
          Retrying…
        </>
      ) : retry.isSuccess ? (
        'Queued again'
      ) : (
        'Retry'
      )}
    </Button>
  );
}
