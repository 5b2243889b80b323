'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { formatNumber } from '@/components/ui/format';
import { useToast } from '@/components/ui/toast';
import { retryMatchingInput, type DeadLetterFilters } from './dead-letter-filters';

interface RetryMatchingPanelProps {
  filters: DeadLetterFilters;
  /** Loaded dead letters matching the retry filters. */
  matching: number;
  /** False while more of the queue is not loaded: then `matching` is a lower bound. */
  exact: boolean;
}

const plural = (n: number) => `${formatNumber(n)} task${n === 1 ? '' : 's'}`;

/**
 * "Retry all matching": the capability / error / project filters, sent to the server as they
 * are. It asks first with the server's own count of what matches, and says what it did.
 */
export function RetryMatchingPanel({ filters, matching, exact }: RetryMatchingPanelProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const toast = useToast();
  const [counting, setCounting] = useState(false);
  const input = retryMatchingInput(filters);
  const retry = useMutation(
    trpc.tasks.retryDeadLetters.mutationOptions({
      onSuccess: ({ count }) => {
        void queryClient.invalidateQueries(trpc.tasks.list.pathFilter());
        toast(
          count
            ? { title: `Retried ${plural(count)}`, description: 'Back in the queue with a fresh set of attempts.' }
            : { title: 'No task was retried', description: 'Nothing matched any more.', kind: 'info' },
        );
      },
      onError: (err) =>
        toast({ title: 'Could not retry the matching dead letters', description: err.message, kind: 'error' }),
    }),
  );
  const searching = filters.search !== '';
  const howMany = exact ? plural(matching) : `at least ${plural(matching)}`;
  const scope = [
    input.capability && (
      <>
        capability <code className="font-mono text-xs">{input.capability}</code>
      </>
    ),
    input.errorContains && <>error containing “{input.errorContains}”</>,
    input.project && (
      <>
        project <code className="font-mono text-xs">{input.project}</code>
      </>
    ),
  ].filter(Boolean);
  const scopeText = [
    input.capability && `capability ${input.capability}`,
    input.errorContains && `error containing “${input.errorContains}”`,
    input.project && `project ${input.project}`,
  ]
    .filter(Boolean)
    .join(', ');

  const ask = async () => {
    setCounting(true);
    let count: number;
    try {
      count = (await queryClient.fetchQuery({ ...trpc.tasks.countDeadLetters.queryOptions(input), staleTime: 0 }))
        .count;
    } catch (err) {
      toast({ title: 'Could not count the matching dead letters', description: (err as Error).message, kind: 'error' });
      return;
    } finally {
      setCounting(false);
    }
    if (!count) {
      toast({ title: 'No dead letter matches', description: 'Nothing was retried.', kind: 'info' });
      return;
    }
    const yes = await confirm({
      title: `Retry ${plural(count)}?`,
      body: `Every dead letter ${scopeText ? `matching ${scopeText}` : 'in the queue'} goes back to the queue with a fresh set of attempts.`,
      confirmLabel: `Retry ${plural(count)}`,
      destructive: !scopeText,
    });
    if (yes) retry.mutate(input);
  };

  return (
    <div
      className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 bg-slate-50/60 px-4 py-3 text-sm dark:border-slate-800 dark:bg-slate-950/30"
      data-testid="retry-matching"
    >
      <p className="min-w-0 text-slate-600 dark:text-slate-300">
        {searching ? (
          'The title search narrows this list only; clear it to retry all matching.'
        ) : (
          <>
            <span className="font-medium text-slate-900 dark:text-slate-100" data-testid="retry-matching-count">
              {howMany}
            </span>{' '}
            {scope.length ? (
              <>
                match{' '}
                {scope.map((s, i) => (
                  <span key={i}>
                    {i > 0 && ' · '}
                    {s}
                  </span>
                ))}
              </>
            ) : (
              'in the queue'
            )}
          </>
        )}
      </p>
      <Button
        size="sm"
        onClick={() => void ask()}
        disabled={searching || counting || retry.isPending || (exact && matching === 0)}
      >
        {counting || retry.isPending ? (
          <>
            <ButtonSpinner />
            {retry.isPending ? 'Retrying…' : 'Counting…'}
          </>
        ) : scope.length ? (
          'Retry all matching'
        ) : (
          'Retry all'
        )}
      </Button>
    </div>
  );
}
