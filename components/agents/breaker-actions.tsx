'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { errorToast } from '@/components/ui/action-toast';
import { useToast } from '@/components/ui/toast';
import type { BreakerScope, BreakerSnapshotRow } from './breaker-types';
import { describeActor } from '@/server/core/access/actor';

interface BreakerActionsProps {
  agentId: string;
  scope: BreakerScope;
  snapshot: BreakerSnapshotRow;
  /** Whose breaker: "agent build-7" or "runtime claude". */
  subject: string;
  /** Who gets no work while it is open: "build-7" or "any agent of runtime claude". */
  target: string;
}

/** Reset (close with a fresh window) and force open (until reset, after a confirmation); both recorded with the operator's name. */
export function BreakerActions({ agentId, scope, snapshot: s, subject, target }: BreakerActionsProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [asking, setAsking] = useState(false);
  const refresh = () => {
    // A runtime's breaker shows on every agent of that runtime.
    void queryClient.invalidateQueries(
      scope === 'runtime' ? trpc.agents.breaker.pathFilter() : trpc.agents.breaker.queryFilter({ id: agentId }),
    );
    void queryClient.invalidateQueries(trpc.agents.get.queryFilter({ id: agentId }));
    void queryClient.invalidateQueries(trpc.agents.list.pathFilter());
  };
  const reset = useMutation(
    trpc.agents.resetBreaker.mutationOptions({
      onSuccess: () => {
        refresh();
        toast({
          title: `Breaker of ${subject} reset: closed, with a fresh window`,
          description: `Routing may send work to ${target} again.`,
        });
      },
      onError: (err) => toast(errorToast(`Could not reset the breaker of ${subject}`, err)),
    }),
  );
  const forceOpen = useMutation(
    trpc.agents.forceOpenBreaker.mutationOptions({
      onSuccess: () => {
        refresh();
        toast({ title: `Breaker of ${subject} forced open: no new work goes to ${target} until someone resets it` });
      },
      onError: (err) => toast(errorToast(`Could not force open the breaker of ${subject}`, err)),
    }),
  );
  const busy = asking || reset.isPending || forceOpen.isPending;
  const clean = s.state === 'closed' && s.failures === 0 && s.consecutiveFailures === 0;

  const askForceOpen = async () => {
    setAsking(true);
    const yes = await confirm({
      title: `Force open the breaker of ${subject}?`,
      body: `No new work goes to ${target} until someone resets it; tasks already running there carry on. It is recorded with your name.`,
      confirmLabel: 'Force open',
      destructive: true,
    }).finally(() => setAsking(false));
    if (yes) forceOpen.mutate({ id: agentId, scope });
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="primary"
        size="sm"
        disabled={busy || clean}
        onClick={() => reset.mutate({ id: agentId, scope })}
        title={clean ? 'Closed with no failures: nothing to reset' : 'Close it with a fresh window'}
      >
        {reset.isPending ? (
          <>
            <ButtonSpinner />
            Resetting…
          </>
        ) : (
          'Reset'
        )}
      </Button>
      <Button
        variant="secondary"
        size="sm"
        disabled={busy || s.forcedBy != null}
        onClick={() => void askForceOpen()}
        title={
          s.forcedBy != null
            ? `Already forced open by ${describeActor(s.forcedBy)}`
            : 'Stop routing work here until someone resets it'
        }
      >
        {forceOpen.isPending ? (
          <>
            <ButtonSpinner />
            Opening…
          </>
        ) : (
          'Force open'
        )}
      </Button>
    </div>
  );
}
