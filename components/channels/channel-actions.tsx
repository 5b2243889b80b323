'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { Button } from '@/components/ui/button';
import { DeleteButton } from '@/components/ui/delete-button';
import { useToast } from '@/components/ui/toast';
import type { ChannelRow } from './types';

/** Send test (its outcome in a toast and the log), enable/disable, delete (after a confirmation). */
export function ChannelActions({ channel: c, afterDelete }: { channel: ChannelRow; afterDelete?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const router = useRouter();
  const refresh = () => void queryClient.invalidateQueries(trpc.channels.pathFilter());
  const test = useMutation(
    trpc.channels.test.mutationOptions({
      onSuccess: (r) => {
        refresh();
        toast(
          r.delivered
            ? {
                title: `Test sent to ${c.name}: ${r.responseStatus} in ${r.latencyMs} ms`,
                description: 'The receiver answered 2xx; the request is in the delivery log.',
              }
            : {
                kind: 'error',
                title: `Test to ${c.name} failed${r.responseStatus ? `: ${r.responseStatus}` : ''}`,
                description: r.error ?? r.responseExcerpt ?? 'The receiver did not answer 2xx.',
              },
        );
      },
      onError: (err) => toast(errorToast(`Could not send a test to ${c.name}`, err)),
    }),
  );
  const update = useMutation(
    trpc.channels.update.mutationOptions({
      onSuccess: (r) => {
        refresh();
        toast({
          title: `Channel ${r.name} ${r.enabled ? 'enabled' : 'disabled'}`,
          description: r.enabled ? 'Notifications go there again.' : 'Nothing is sent there until it is enabled.',
        });
      },
      onError: (err) => toast(errorToast(`Could not change channel ${c.name}`, err)),
    }),
  );
  const remove = useMutation(
    trpc.channels.delete.mutationOptions({
      onSuccess: () => {
        refresh();
        toast({ title: `Channel ${c.name} deleted` });
        if (afterDelete) router.push(afterDelete);
      },
      onError: (err) => toast(errorToast(`Could not delete channel ${c.name}`, err)),
    }),
  );
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      <Button size="sm" disabled={test.isPending} onClick={() => test.mutate({ id: c.id })}>
        {test.isPending && <ButtonSpinner />}
        Send test
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={update.isPending}
        onClick={() => update.mutate({ id: c.id, enabled: !c.enabled })}
      >
        {c.enabled ? 'Disable' : 'Enable'}
      </Button>
      <DeleteButton
        title={`Delete channel ${c.name}?`}
        body="Notifications stop going there; deliveries still waiting fail. Its log stays readable."
        busy={remove.isPending}
        onDelete={() => remove.mutate({ id: c.id })}
      />
    </span>
  );
}
