'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC, useTRPCClient } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { errorToast, UNDO_TOAST_MS } from '@/components/ui/action-toast';
import { useToast } from '@/components/ui/toast';
import { ButtonSpinner } from './button-spinner';
import { fieldErrors } from './field-errors';
import { describeRoutingChange, weightChanges, type RoutingPolicyState } from './routing-change';
import { StrategyChoice } from './strategy-choice';
import { draftFor, draftProblems, draftToConfig, type StrategyDraft } from './strategy-draft';
import type { PolicyData, StrategyName } from './types';
import { WeightInputs } from './weight-inputs';

interface StrategyFormProps {
  policy: PolicyData;
  /** Viewers see the form but cannot save. */
  canEdit: boolean;
}

/**
 * Choose the routing strategy and its weights. Saving applies it to the whole fleet at once, so
 * it asks first; the notice that follows offers Undo, which restores the strategy and weights before.
 */
export function StrategyForm({ policy, canEdit }: StrategyFormProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const toast = useToast();
  const confirm = useConfirm();
  const { current, strategies } = policy;
  // No local copy until the operator edits: until then the form follows the policy in force, live.
  const [edited, setEdited] = useState<StrategyDraft | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [asking, setAsking] = useState(false);
  const draft = edited ?? draftFor(strategies, current.strategy as StrategyName, current.weights);
  const save = useMutation(trpc.balancing.setStrategy.mutationOptions());
  const server = fieldErrors(save.error);
  const errors = { fields: { ...server.fields, ...problems }, form: server.form };
  const info = strategies.find((s) => s.name === draft.name);
  const busy = save.isPending || asking;

  /** Shows the new policy at once; the refetch brings the history row. */
  const show = (state: PolicyData['current']) => {
    queryClient.setQueryData(trpc.balancing.policy.queryKey(), (old) => (old ? { ...old, current: state } : old));
    void queryClient.invalidateQueries(trpc.balancing.policy.queryFilter());
  };

  // Through the plain client: the notice's Undo may run after this form re-rendered or unmounted.
  const undo = async (before: RoutingPolicyState) => {
    try {
      const state = await client.balancing.setStrategy.mutate({
        strategy: { name: before.strategy as StrategyName, weights: before.weights },
      });
      show(state);
      toast({
        title: `Routing back to ${state.strategy}: the change is undone`,
        description: 'Recorded in the change history.',
        kind: 'info',
      });
    } catch (err) {
      toast(errorToast('Could not undo the routing change', err));
    }
  };

  const edit = (next: StrategyDraft) => {
    save.reset();
    setProblems({});
    setEdited(next);
  };
  const choose = (name: StrategyName) =>
    edit(draftFor(strategies, name, name === current.strategy ? current.weights : {}));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local = draftProblems(draft);
    setProblems(local);
    if (Object.keys(local).length) return;
    const config = draftToConfig(strategies, draft);
    const before: RoutingPolicyState = { strategy: current.strategy, weights: current.weights };
    const switching = config.name !== current.strategy;
    if (!switching && !weightChanges(current.weights, { ...info?.weights, ...config.weights })) {
      setEdited(null);
      return toast({ title: `Routing unchanged: ${config.name} with these weights is already in force`, kind: 'info' });
    }
    setAsking(true);
    const yes = await confirm({
      title: switching
        ? `Switch routing to ${config.name} for the whole fleet?`
        : `Change the weights of ${config.name} for the whole fleet?`,
      body: `Every new assignment, on every agent, is decided this way from now on; tasks already assigned stay where they are. The notice that follows offers Undo, and the change history records both.`,
      confirmLabel: switching ? `Switch to ${config.name}` : 'Change weights',
      destructive: true,
    }).finally(() => setAsking(false));
    if (!yes) return;
    save.mutate(
      { strategy: config },
      {
        onSuccess: (state) => {
          setEdited(null);
          show(state);
          toast({
            title: describeRoutingChange(before, state),
            action: { label: 'Undo', run: () => undo(before) },
            durationMs: UNDO_TOAST_MS,
          });
        },
        onError: (err) => toast(errorToast('Could not change routing', err)),
      },
    );
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Routing strategy" className="space-y-4">
      <StrategyChoice
        strategies={strategies}
        value={draft.name}
        inForce={current.strategy}
        onChange={choose}
        error={errors.fields.strategy}
        disabled={busy}
      />
      <WeightInputs
        defaults={info?.weights ?? {}}
        values={draft.weights}
        errors={errors.fields}
        disabled={busy}
        onChange={(weights) => edit({ ...draft, weights })}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" disabled={!canEdit || !edited || busy}>
          {save.isPending ? (
            <>
              <ButtonSpinner />
              Saving…
            </>
          ) : (
            'Save'
          )}
        </Button>
        {Object.keys(info?.weights ?? {}).length > 0 && (
          <Button variant="ghost" disabled={busy} onClick={() => edit(draftFor(strategies, draft.name))}>
            Reset to defaults
          </Button>
        )}
        {edited && !busy && (
          <Button
            variant="ghost"
            onClick={() => {
              save.reset();
              setProblems({});
              setEdited(null);
            }}
          >
            Discard changes
          </Button>
        )}
        {!canEdit && <p className="text-xs text-slate-500">Viewers cannot change routing.</p>}
        {errors.form && (
          <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400">
            {errors.form}
          </p>
        )}
      </div>
    </form>
  );
}
