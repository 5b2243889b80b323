'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { errorToast } from '@/components/ui/action-toast';
import { formatNumber } from '@/components/ui/format';
import { useToast } from '@/components/ui/toast';
import { ButtonSpinner } from './button-spinner';
import { fieldErrors } from './field-errors';
import { INPUT_CLASS } from './form-styles';
import { draftFor, draftToConfig, type StrategyDraft } from './strategy-draft';
import type { PolicyData, StrategyName } from './types';
import { WeightInputs } from './weight-inputs';
import { WhatIfResults } from './what-if-results';

interface WhatIfPanelProps {
  policy: PolicyData;
  /** False when nothing has been routed yet: there is nothing to replay. */
  hasDecisions: boolean;
}

/** Replays the recorded decisions under another strategy and shows what would have changed. */
export function WhatIfPanel({ policy, hasDecisions }: WhatIfPanelProps) {
  const trpc = useTRPC();
  const { strategies } = policy;
  // The first strategy other than the one in force: comparing a strategy with itself says little.
  const [draft, setDraft] = useState<StrategyDraft>(() =>
    draftFor(strategies, (strategies.find((s) => s.name !== policy.current.strategy) ?? strategies[0]).name),
  );
  const [count, setCount] = useState('500');
  const toast = useToast();
  // A replay changes nothing: its notice is information, and its refusals also sit by their fields.
  const run = useMutation(
    trpc.balancing.whatIf.mutationOptions({
      onSuccess: (r, input) =>
        toast({
          kind: 'info',
          title: `Replayed ${formatNumber(r.decisions)} decisions under ${input.strategy.name}: ${formatNumber(r.changed)} would have gone elsewhere`,
          description: 'Live routing is unchanged.',
        }),
      onError: (err) => toast(errorToast('Could not run the replay', err)),
    }),
  );
  const errors = fieldErrors(run.error);
  const info = strategies.find((s) => s.name === draft.name);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate({
      strategy: draftToConfig(strategies, draft),
      decisions: count.trim() === '' ? undefined : Number(count),
    });
  };

  return (
    <Card
      title="What if?"
      testId="what-if"
      description="A replay of the recorded decisions (same tasks, same agent snapshots) under another strategy. It has no effect on live routing."
    >
      {!hasDecisions ? (
        <EmptyState title="No decisions recorded yet">
          The replay needs recorded assignments. Once the scheduler has routed some tasks, compare strategies here.
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
          <form
            onSubmit={onSubmit}
            noValidate
            aria-label="What-if replay"
            className="min-w-0 space-y-4"
            data-testid="what-if-form"
          >
            <label className="block text-sm">
              <span className="mb-1 block font-medium">Strategy</span>
              <select
                name="strategy"
                value={draft.name}
                disabled={run.isPending}
                aria-invalid={!!errors.fields.strategy || undefined}
                onChange={(e) => setDraft(draftFor(strategies, e.target.value as StrategyName))}
                className={INPUT_CLASS}
              >
                {strategies.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                    {s.name === policy.current.strategy ? ' (in force)' : ''}
                  </option>
                ))}
              </select>
              {errors.fields.strategy && (
                <span role="alert" className="mt-0.5 block text-xs text-red-600 dark:text-red-400">
                  {errors.fields.strategy}
                </span>
              )}
              <span className="mt-1 block text-xs text-slate-500 dark:text-slate-400">{info?.description}</span>
            </label>
            <WeightInputs
              defaults={info?.weights ?? {}}
              values={draft.weights}
              errors={errors.fields}
              disabled={run.isPending}
              onChange={(weights) => setDraft({ ...draft, weights })}
            />
            <label className="block text-sm">
              <span className="mb-1 block font-medium">Decisions to replay</span>
              <input
                type="number"
                name="decisions"
                inputMode="numeric"
                min={1}
                max={5000}
                step={1}
                value={count}
                disabled={run.isPending}
                aria-invalid={!!errors.fields.decisions || undefined}
                onChange={(e) => setCount(e.target.value)}
                className={`${INPUT_CLASS} tabular-nums`}
              />
              {errors.fields.decisions ? (
                <span role="alert" className="mt-0.5 block text-xs text-red-600 dark:text-red-400">
                  {errors.fields.decisions}
                </span>
              ) : (
                <span className="mt-0.5 block text-[11px] text-slate-400">the most recent ones, 1 to 5,000</span>
              )}
            </label>
            <div className="flex flex-wrap items-center gap-2">
              <Button type="submit" variant="primary" disabled={run.isPending}>
                {run.isPending ? (
                  <>
                    <ButtonSpinner />
                    Running…
                  </>
                ) : (
                  'Run replay'
                )}
              </Button>
              {errors.form && (
                <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400">
                  {errors.form}
                </p>
              )}
            </div>
          </form>
          <div className={`min-w-0 ${run.isPending ? 'opacity-60 transition-opacity' : ''}`} aria-live="polite">
            {run.data ? (
              <WhatIfResults result={run.data} />
            ) : (
              <EmptyState title="No replay yet">
                Pick a strategy and run it over the recorded window to see, agent by agent, where the work would have
                gone.
              </EmptyState>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
