'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC, useTRPCClient } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { errorToast, plural, UNDO_TOAST_MS } from '@/components/ui/action-toast';
import { useToast } from '@/components/ui/toast';
import type { PoolRow } from './types';

const said = (p: Pick<PoolRow, 'name' | 'size'>, enabled: boolean) =>
  enabled
    ? `Pool ${p.name} enabled: the autoscaler sizes it to its backlog again`
    : `Pool ${p.name} disabled: the autoscaler leaves it and its ${plural(p.size, 'agent')} alone`;

/** Disable (the autoscaler leaves the pool alone, its agents keep running) or enable again; the notice offers Undo. */
export function PoolEnabledToggle({ pool }: { pool: PoolRow }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const toast = useToast();
  const refresh = () => void queryClient.invalidateQueries(trpc.pools.pathFilter());

  // Through the plain client: the notice's Undo may outlive this button.
  const set = async (enabled: boolean) => {
    try {
      await client.pools.update.mutate({ id: pool.id, enabled });
      refresh();
      toast({ title: said(pool, enabled), kind: 'info' });
    } catch (err) {
      toast(errorToast(`Could not ${enabled ? 'enable' : 'disable'} pool ${pool.name}`, err));
    }
  };
  const toggle = useMutation(
    trpc.pools.update.mutationOptions({
      onSuccess: (p) => {
        refresh();
        toast({
          title: said(pool, p.enabled),
          action: { label: 'Undo', run: () => set(!p.enabled) },
          durationMs: UNDO_TOAST_MS,
        });
      },
      onError: (err) => toast(errorToast(`Could not ${pool.enabled ? 'disable' : 'enable'} pool ${pool.name}`, err)),
    }),
  );

  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={toggle.isPending}
      onClick={() => toggle.mutate({ id: pool.id, enabled: !pool.enabled })}
      title={
        pool.enabled
          ? 'The autoscaler stops sizing this pool; its agents keep running'
          : 'The autoscaler sizes this pool to its backlog again'
      }
    >
      {toggle.isPending ? (
        <>
          <ButtonSpinner />
          {pool.enabled ? 'Disabling…' : 'Enabling…'}
        </>
      ) : pool.enabled ? (
        'Disable'
      ) : (
        'Enable'
      )}
    </Button>
  );
}
