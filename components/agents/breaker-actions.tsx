'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { ActionError } from '@/components/tasks/action-error';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import type { BreakerScope, BreakerSnapshotRow } from './breaker-types';

interface BreakerActionsProps {
  agentId: string;
  scope: BreakerScope;
  snapshot: BreakerSnapshotRow;
  /** "this agent" or "every agent of runtime x", for the confirmation. */
  target: string;
}

/** Reset (close with a fresh window) and force open (until reset); both recorded with the operator's name. */
export function BreakerActions({ agentId, scope, snapshot: s, target }: BreakerActionsProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const onSuccess = () => {
    setConfirming(false);
    // A runtime's breaker shows on every agent of that runtime.
    void queryClient.invalidateQueries(scope === 'runtime' ? trpc.agents.breaker.pathFilter() : trpc.agents.breaker.queryFilter({ id: agentId }));
    void queryClient.invalidateQueries(trpc.agents.get.queryFilter({ id: agentId }));
    void queryClient.invalidateQueries(trpc.agents.list.pathFilter());
  };
  const reset = useMutation(trpc.agents.resetBreaker.mutationOptions({ onSuccess }));
  const forceOpen = useMutation(trpc.agents.forceOpenBreaker.mutationOptions({ onSuccess }));
  const busy = reset.isPending || forceOpen.isPending;
  const clean = s.state === 'closed' && s.failures === 0 && s.consecutiveFailures === 0;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {confirming ? (
        <span role="group" aria-label="Confirm force open" className="inline-flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-600 dark:text-slate-300">No work goes to {target} until someone resets it. Force open?</span>
          <Button variant="danger" size="sm" disabled={busy} onClick={() => forceOpen.mutate({ id: agentId, scope })}>
            {forceOpen.isPending ? <><ButtonSpinner />Opening…</> : 'Yes, force open'}
          </Button>
          <Button variant="ghost" size="sm" disabled={busy} onClick={() => setConfirming(false)}>Cancel</Button>
        </span>
      ) : (
        <>
          <Button variant="primary" size="sm" disabled={busy || clean} onClick={() => { forceOpen.reset(); reset.mutate({ id: agentId, scope }); }}
            title={clean ? 'Closed with no failures: nothing to reset' : 'Close it with a fresh window'}>
            {reset.isPending ? <><ButtonSpinner />Resetting…</> : 'Reset'}
          </Button>
          <Button variant="secondary" size="sm" disabled={busy || s.forcedBy != null} onClick={() => { reset.reset(); setConfirming(true); }}
            title={s.forcedBy != null ? `Already forced open by ${s.forcedBy}` : 'Stop routing work here until someone resets it'}>
            Force open
          </Button>
        </>
      )}
      <ActionError error={reset.error ?? forceOpen.error} className="w-full" />
    </div>
  );
}
