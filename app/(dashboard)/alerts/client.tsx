'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { alertListInput, SEVERITY_FILTERS, STATE_FILTERS } from '@/components/alerts/alert-filters';
import { AlertsTable } from '@/components/alerts/alerts-table';
import { AlertsTabs } from '@/components/alerts/alerts-tabs';
import { SegmentedChoice } from '@/components/alerts/segmented-choice';
import { useAlertFilters } from '@/components/alerts/use-alert-filters';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { TableSkeleton } from '@/components/ui/table-skeleton';

export function AlertsView() {
  const trpc = useTRPC();
  const [filters, setFilters] = useAlertFilters();
  const list = useInfiniteQuery({
    ...trpc.alerts.list.infiniteQueryOptions(alertListInput(filters), { getNextPageParam: (last) => last.nextCursor }),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const filtered = filters.state !== 'open' || filters.severity !== 'all';

  return (
    <>
      <PageHeader
        title="Alerts"
        description="What needs an operator: acknowledge, assign, silence or fix from the alert itself. Firing first."
      />
      <AlertsTabs />
      <Card bodyClassName="">
        <div className="flex flex-wrap gap-x-6 gap-y-2 border-b border-slate-100 p-4 dark:border-slate-800">
          <SegmentedChoice
            label="State"
            options={STATE_FILTERS}
            value={filters.state}
            onChange={(state) => setFilters({ ...filters, state })}
          />
          <SegmentedChoice
            label="Severity"
            options={SEVERITY_FILTERS}
            value={filters.severity}
            onChange={(severity) => setFilters({ ...filters, severity })}
          />
        </div>
        {list.error ? (
          <div className="p-4">
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : !list.data ? (
          <TableSkeleton rows={5} />
        ) : !rows.length ? (
          <div className="p-4">
            {filtered ? (
              <EmptyState title="No alerts match these filters">Change the state or severity to see others.</EmptyState>
            ) : (
              <EmptyState title="All quiet">
                No alert is open. Rules watch the queue, the agents, their breakers, the pools and the leader; an alert
                shows here as soon as a condition holds, and the navigation’s badge counts the firing ones.
              </EmptyState>
            )}
          </div>
        ) : (
          <div className={list.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}>
            <AlertsTable alerts={rows} />
          </div>
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
