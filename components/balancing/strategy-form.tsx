'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { ButtonSpinner } from './button-spinner';
import { fieldErrors } from './field-errors';
import { StrategyChoice } from './strategy-choice';
import { draftFor, draftToConfig, type StrategyDraft } from './strategy-draft';
import type { PolicyData } from './types';
import { WeightInputs } from './weight-inputs';

interface StrategyFormProps {
  policy: PolicyData;
  /** Viewers see the form but cannot save. */
  canEdit: boolean;
}

/** Choose the routing strategy and its weights; saving applies it to live routing at once. */
export function StrategyForm({ policy, canEdit }: StrategyFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { current, strategies } = policy;
  // No local copy until the operator edits: until then the form follows the policy in force, live.
  const [edited, setEdited] = useState<StrategyDraft | null>(null);
  const draft = edited ?? draftFor(strategies, current.strategy as StrategyDraft['name'], current.weights);
  const save = useMutation(trpc.balancing.setStrategy.mutationOptions({
    onSuccess: (state) => {
      setEdited(null);
      // Show the new policy at once; the refetch brings the history row.
      queryClient.setQueryData(trpc.balancing.policy.queryKey(), (old) => (old ? { ...old, current: state } : old));
      void queryClient.invalidateQueries(trpc.balancing.policy.queryFilter());
    },
  }));
  const errors = fieldErrors(save.error);
  const info = strategies.find((s) => s.name === draft.name);

  const edit = (next: StrategyDraft) => {
    save.reset();
    setEdited(next);
  };
  const choose = (name: StrategyDraft['name']) => edit(draftFor(strategies, name, name === current.strategy ? current.weights : {}));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ strategy: draftToConfig(strategies, draft) });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Routing strategy" className="space-y-4">
      <StrategyChoice strategies={strategies} value={draft.name} inForce={current.strategy} onChange={choose} error={errors.fields.strategy} disabled={save.isPending} />
      <WeightInputs defaults={info?.weights ?? {}} values={draft.weights} errors={errors.fields} disabled={save.isPending}
        onChange={(weights) => edit({ ...draft, weights })} />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" disabled={!canEdit || !edited || save.isPending}>
          {save.isPending ? <><ButtonSpinner />Saving…</> : 'Save'}
        </Button>
        {Object.keys(info?.weights ?? {}).length > 0 && (
          <Button variant="ghost" disabled={save.isPending} onClick={() => edit(draftFor(strategies, draft.name))}>Reset to defaults</Button>
        )}
        {edited && !save.isPending && <Button variant="ghost" onClick={() => { save.reset(); setEdited(null); }}>Discard changes</Button>}
        {!canEdit && <p className="text-xs text-slate-500">Viewers cannot change routing.</p>}
        {errors.form && <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400">{errors.form}</p>}
      </div>
    </form>
  );
}
