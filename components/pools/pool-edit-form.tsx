'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { SCALING_KEYS } from './pool-draft';
import { poolFieldErrors } from './pool-field-errors';
import { readScaling, scalingDraftOf, type ScalingDraft } from './scaling-draft';
import { ScalingFields } from './scaling-fields';
import type { PoolRow } from './types';

/** Changes how the pool scales; the autoscaler applies it on its next tick. */
export function PoolEditForm({ pool, onDone }: { pool: PoolRow; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ScalingDraft>(() => scalingDraftOf(pool));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const update = useMutation(trpc.pools.update.mutationOptions({
    onSuccess: () => {
      void queryClient.invalidateQueries(trpc.pools.pathFilter());
      onDone();
    },
  }));
  const server = poolFieldErrors(update.error, SCALING_KEYS);
  const errors = { ...server.fields, ...localErrors };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const invalid: Record<string, string> = {};
    const input = readScaling(draft, invalid);
    setLocalErrors(invalid);
    if (!Object.keys(invalid).length) update.mutate({ id: pool.id, ...input });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit pool" className="space-y-4">
      <ScalingFields value={draft} errors={errors} disabled={update.isPending}
        onChange={(next) => { if (update.error) update.reset(); setLocalErrors({}); setDraft(next); }} />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" disabled={update.isPending}>{update.isPending ? <><ButtonSpinner />Saving…</> : 'Save'}</Button>
        <Button variant="ghost" onClick={onDone} disabled={update.isPending}>Cancel</Button>
        {server.form && <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400" data-testid="pool-form-error">{server.form}</p>}
      </div>
    </form>
  );
}
