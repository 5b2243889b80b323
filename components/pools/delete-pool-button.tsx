'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { errorToast, plural } from '@/components/ui/action-toast';
import { useToast } from '@/components/ui/toast';

/** Up to this many agents are named in the confirmation; the rest are counted. */
const NAMED = 8;

/** Deletes the pool after a confirmation naming it and its agents: they are terminated and their work requeued. */
export function DeletePoolButton({
  poolId,
  name,
  agents,
}: {
  poolId: string;
  name: string;
  agents: readonly string[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const toast = useToast();
  const confirm = useConfirm();
  const remove = useMutation(
    trpc.pools.remove.mutationOptions({
      onSuccess: ({ terminated }) => {
        void queryClient.invalidateQueries(trpc.pools.list.pathFilter());
        void queryClient.invalidateQueries(trpc.agents.list.pathFilter());
        toast({
          title: `Pool ${name} deleted: ${terminated ? `${plural(terminated, 'agent')} terminated, their tasks back in the queue` : 'it had no agents'}`,
        });
        router.push('/pools');
      },
      onError: (err) => toast(errorToast(`Could not delete pool ${name}`, err)),
    }),
  );

  const ask = async () => {
    const named =
      agents.slice(0, NAMED).join(', ') + (agents.length > NAMED ? ` and ${agents.length - NAMED} more` : '');
    const yes = await confirm({
      title: `Delete pool ${name}?`,
      body: agents.length ? (
        <>
          Its {plural(agents.length, 'agent')} (
          <span className="font-mono text-xs" data-testid="confirm-pool-agents">
            {named}
          </span>
          ) are terminated and their tasks go back to the queue. The pool and its settings are removed; there is no
          undo.
        </>
      ) : (
        'It has no agents. The pool and its settings are removed; there is no undo.'
      ),
      confirmLabel: 'Delete pool',
      destructive: true,
    });
    if (yes) remove.mutate({ id: poolId });
  };

  return (
    <Button variant="secondary" size="sm" disabled={remove.isPending || remove.isSuccess} onClick={() => void ask()}>
      {remove.isPending || remove.isSuccess ? (
        <>
          <ButtonSpinner />
          Deleting…
        </>
      ) : (
        'Delete pool'
      )}
    </Button>
  );
}
