'use client';

import { useMutation } from '@tanstack/react-query';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import type { TaskFields } from '@/components/api-types';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { useToast } from '@/components/ui/toast';
import { useTaskChanged } from './use-task-action';

/** Asks first, so a stray tap does not kill running work; says what it did. */
export function CancelTaskButton({ task }: { task: Pick<TaskFields, 'id' | 'title' | 'status'> }) {
  const trpc = useTRPC();
  const changed = useTaskChanged();
  const confirm = useConfirm();
  const toast = useToast();
  const cancel = useMutation(
    trpc.tasks.cancel.mutationOptions({
      onSuccess: (after) => {
        changed(task.id);
        toast(
          after.status === 'cancelled'
            ? { title: `Cancelled task "${task.title}"` }
            : {
                title: `Task "${task.title}" had already finished`,
                description: `It is ${after.status}; nothing was cancelled.`,
                kind: 'info',
              },
        );
      },
      onError: (err) =>
        toast({ title: `Could not cancel task "${task.title}"`, description: err.message, kind: 'error' }),
    }),
  );
  const held = task.status === 'assigned' || task.status === 'running';
  const ask = async () => {
    const yes = await confirm({
      title: `Cancel task "${task.title}"?`,
      body: held
        ? 'An agent is working on it: its next report is refused, which tells it to stop. Tasks that depend on it are cancelled too.'
        : 'It leaves the queue and will not run unless someone retries it. Tasks that depend on it are cancelled too.',
      confirmLabel: 'Cancel task',
      cancelLabel: 'Keep it',
      destructive: true,
    });
    if (yes) cancel.mutate({ id: task.id });
  };
  return (
    <Button variant="secondary" size="sm" onClick={() => void ask()} disabled={cancel.isPending}>
      {cancel.isPending ? (
        <>
          <ButtonSpinner />
          Cancelling…
        </>
      ) : (
        'Cancel task'
      )}
    </Button>
  );
}
