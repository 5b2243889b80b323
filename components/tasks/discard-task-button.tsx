'use client';

import { useMutation } from '@tanstack/react-query';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { useToast } from '@/components/ui/toast';
import { useTaskChanged } from './use-task-action';

/** Takes a dead-lettered task out of the queue (cancelled, with the reason); asks first. */
export function DiscardTaskButton({
  taskId,
  title,
  size = 'sm',
}: {
  taskId: string;
  title: string;
  size?: 'sm' | 'md';
}) {
  const trpc = useTRPC();
  const changed = useTaskChanged();
  const confirm = useConfirm();
  const toast = useToast();
  const discard = useMutation(
    trpc.tasks.discard.mutationOptions({
      onSuccess: () => {
        changed(taskId);
        toast({ title: `Discarded task "${title}"`, description: 'It left the dead-letter queue as cancelled.' });
      },
      onError: (err) => toast({ title: `Could not discard task "${title}"`, description: err.message, kind: 'error' }),
    }),
  );
  const ask = async () => {
    const yes = await confirm({
      title: `Discard task "${title}"?`,
      body: 'It leaves the dead-letter queue as cancelled and does not run again unless someone retries it.',
      confirmLabel: 'Discard',
      destructive: true,
    });
    if (yes) discard.mutate({ id: taskId });
  };
  return (
    <Button
      variant="secondary"
      size={size}
      onClick={() => void ask()}
      disabled={discard.isPending || discard.isSuccess}
    >
      {discard.isPending ? (
        <>
          <ButtonSpinner />
          Discarding…
        </>
      ) : discard.isSuccess ? (
        'Discarded'
      ) : (
        'Discard'
      )}
    </Button>
  );
}
