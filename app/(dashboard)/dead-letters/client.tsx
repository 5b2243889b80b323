'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { deadLetterListInput, matchesRetryFilters } from '@/components/dead-letters/dead-letter-filters';
import { DeadLetterFiltersBar } from '@/components/dead-letters/dead-letter-filters-bar';
import { DeadLettersTable } from '@/components/dead-letters/dead-letters-table';
import { RetryMatchingPanel } from '@/components/dead-letters/retry-matching-panel';
import { useDeadLetterFilters } from '@/components/dead-letters/use-dead-letter-filters';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { TableSkeleton } from '@/components/ui/table-skeleton';

const distinct = (values: string[]) => [...new Set(values)].sort();

export function DeadLettersView() {
  const trpc = useTRPC();
  const [filters, setFilters] = useDeadLetterFilters();
  const list = useInfiniteQuery({
    ...trpc.tasks.list.infiniteQueryOptions(deadLetterListInput(filters), {
      getNextPageParam: (last) => last.nextCursor,
    }),
    placeholderData: keepPreviousData,
  });
  const loaded = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const rows = useMemo(() => loaded.filter((t) => matchesRetryFilters(t, filters)), [loaded, filters]);
  const capabilities = useMemo(() => distinct(loaded.flatMap((t) => t.capabilities)), [loaded]);
  const projects = useMemo(() => distinct(loaded.map((t) => t.project)), [loaded]);
  const filtered = Object.values(filters).some((v) => v !== '');

  return (
    <>
      <PageHeader
        title="Dead letters"
        description="Tasks whose attempts ran out. Retry them with a fresh set of attempts once the cause is fixed, or discard them."
      />
      <Card bodyClassName="">
        <div className="border-b border-slate-100 p-4 dark:border-slate-800">
          <DeadLetterFiltersBar
            filters={filters}
            onChange={setFilters}
            capabilities={capabilities}
            projects={projects}
          />
        </div>
        {list.error ? (
          <div className="p-4">
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : !list.data ? (
          <TableSkeleton rows={6} />
        ) : !loaded.length && !filtered ? (
          <div className="p-4">
            <EmptyState title="No dead letters">
              Tasks whose attempts ran out land here: every attempt failed, timed out or lost its agent, and no retries
              are left. They wait for an operator to retry or discard them. Nothing has run out of attempts.
            </EmptyState>
          </div>
        ) : (
          <>
            <RetryMatchingPanel
              key={JSON.stringify([filters.capability, filters.errorContains, filters.project])}
              filters={filters}
              matching={rows.length}
              exact={!list.hasNextPage}
            />
            {rows.length ? (
              <div className={list.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}>
                <DeadLettersTable tasks={rows} />
              </div>
            ) : (
              <div className="p-4">
                <EmptyState title="No dead letters match these filters">
                  {list.hasNextPage
                    ? 'None of those loaded so far; load more below, or change the filters.'
                    : 'Change or clear the filters to see the whole queue.'}
                </EmptyState>
              </div>
            )}
          </>
        )}
        {(list.hasNextPage || list.isFetchingNextPage) && (
          <div className="flex justify-center border-t border-slate-100 p-3 dark:border-slate-800">
            {list.isFetchingNextPage ? (
              <Spinner label="Loading more…" />
            ) : (
              <Button onClick={() => void list.fetchNextPage()}>Load more</Button>
            )}
          </div>
        )}
      </Card>
    </>
  );
}
