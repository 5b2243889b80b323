'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { useToast } from '@/components/ui/toast';
import { REMEDY_EFFECTS } from './remedy-effects';
import type { AlertDetail, AlertRemedy } from './types';
import { useAlertsChanged } from './use-alert-mutation';

/** The fixes linked to the alert, one click each after a confirmation that says what will happen. */
export function AlertRemedies({ alert: a }: { alert: AlertDetail }) {
  const trpc = useTRPC();
  const toast = useToast();
  const confirm = useConfirm();
  const changed = useAlertsChanged();
  const [running, setRunning] = useState<string | null>(null);
  const remedy = useMutation(
    trpc.alerts.remedy.mutationOptions({
      onSuccess: (r) => {
        changed();
        toast({
          title: `${r.did.charAt(0).toUpperCase()}${r.did.slice(1)}`,
          description: 'Recorded in the alert’s timeline with your name.',
        });
      },
      onError: (err, v) => toast(errorToast(`Could not run “${v.action}”`, err)),
      onSettled: () => setRunning(null),
    }),
  );
  const run = async (r: AlertRemedy) => {
    const yes = await confirm({
      title: `${r.label}?`,
      body: `${REMEDY_EFFECTS[r.action]} It is recorded in the alert’s timeline with your name.`,
      confirmLabel: r.label,
    });
    if (!yes) return;
    setRunning(r.action);
    remedy.mutate({ id: a.id, action: r.action });
  };
  if (!a.remedies.length) return <p className="text-sm text-slate-500 dark:text-slate-400">{noRemedy(a)}</p>;
  return (
    <div className="flex flex-wrap gap-2" data-testid="alert-remedies">
      {a.remedies.map((r) => (
        <Button
          key={r.action}
          size="sm"
          disabled={remedy.isPending || a.state === 'resolved'}
          title={REMEDY_EFFECTS[r.action]}
          onClick={() => void run(r)}
        >
          {running === r.action && <ButtonSpinner />}
          {r.label}
        </Button>
      ))}
    </div>
  );
}

/** Why there is no button, and what an operator can do instead. */
function noRemedy(a: AlertDetail): string {
  const capability = a.affects.capability;
  if (capability && !a.affects.pools.length)
    return `No pool has ${capability}: create one on the Pools page (the alert then offers to scale or wake it), or start an agent with ${capability}.`;
  return 'No remedy is linked to this kind of alert.';
}
