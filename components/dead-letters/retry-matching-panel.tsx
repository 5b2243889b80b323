'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { ActionError } from '@/components/tasks/action-error';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { formatNumber } from '@/components/ui/format';
import { retryMatchingInput, type DeadLetterFilters } from './dead-letter-filters';

interface RetryMatchingPanelProps {
  filters: DeadLetterFilters;
  /** Loaded dead letters matching the retry filters. */
  matching: number;
  /** False while more of the queue is not loaded: then `matching` is a lower bound. */
  exact: boolean;
}

const plural = (n: number) => `${formatNumber(n)} task${n === 1 ? '' : 's'}`;

/** "Retry all matching": the capability / error / project filters, sent to the server as they are. */
export function RetryMatchingPanel({ filters, matching, exact }: RetryMatchingPanelProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const input = retryMatchingInput(filters);
  const retry = useMutation(trpc.tasks.retryDeadLetters.mutationOptions({
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries(trpc.tasks.list.pathFilter());
    },
  }));
  const searching = filters.search !== '';
  const howMany = exact ? plural(matching) : `at least ${plural(matching)}`;
  const scope = [
    input.capability && <>capability <code className="font-mono text-xs">{input.capability}</code></>,
    input.errorContains && <>error containing “{input.errorContains}”</>,
    input.project && <>project <code className="font-mono text-xs">{input.project}</code></>,
  ].filter(Boolean);

  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 bg-slate-50/60 px-4 py-3 text-sm dark:border-slate-800 dark:bg-slate-950/30"
      data-testid="retry-matching">
      <p className="min-w-0 text-slate-600 dark:text-slate-300">
        {searching
          ? 'The title search narrows this list only; clear it to retry all matching.'
          : <>
              <span className="font-medium text-slate-900 dark:text-slate-100" data-testid="retry-matching-count">{howMany}</span>{' '}
              {scope.length ? <>match {scope.map((s, i) => <span key={i}>{i > 0 && ' · '}{s}</span>)}</> : 'in the queue'}
            </>}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {confirming ? (
          <>
            <span className="text-slate-600 dark:text-slate-300">Retry {howMany}?</span>
            <Button variant="primary" size="sm" onClick={() => retry.mutate(input)} disabled={retry.isPending}>
              {retry.isPending ? <><ButtonSpinner />Retrying…</> : 'Yes, retry them'}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={retry.isPending}>Cancel</Button>
          </>
        ) : (
          <Button size="sm" onClick={() => { retry.reset(); setConfirming(true); }} disabled={searching || (exact && matching === 0)}>
            {scope.length ? 'Retry all matching' : 'Retry all'}
          </Button>
        )}
      </div>
      {retry.data && (
        <p role="status" className="w-full text-emerald-700 dark:text-emerald-400" data-testid="retry-matching-result">
          {retry.data.count ? `Retried ${plural(retry.data.count)}: back in the queue with a fresh set of attempts.` : 'Nothing matched: no task was retried.'}
        </p>
      )}
      <ActionError error={retry.error} className="w-full" />
    </div>
  );
}
