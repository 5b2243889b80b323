'use client';

import type { ComponentProps, ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { DeliveryLog, LoadMore, type DeliveryLogRow } from './delivery-log';

// Deliveries write no events (they would flood the log): the open log looks again every few seconds.
export const LOG_REFRESH_MS = 5_000;

/** The parts of a channel's or hook's `deliveries` infinite query the card reads. */
interface DeliveryLogQuery {
  error: ComponentProps<typeof ErrorState>['error'] | null;
  data?: { pages: { items: DeliveryLogRow[] }[] };
  refetch: () => unknown;
  hasNextPage: boolean;
  fetchNextPage: () => unknown;
  isFetchingNextPage: boolean;
}

interface DeliveryLogCardProps {
  log: DeliveryLogQuery;
  description: string;
  /** What the empty log says. */
  empty: string;
  action?: (row: DeliveryLogRow) => ReactNode;
}

/** A channel's or hook's delivery log, newest first, a page at a time. */
export function DeliveryLogCard({ log, description, empty, action }: DeliveryLogCardProps) {
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title="Delivery log" description={description} bodyClassName="">
      {log.error ? (
        <div className="p-4">
          <ErrorState error={log.error} onRetry={() => void log.refetch()} />
        </div>
      ) : !log.data ? (
        <TableSkeleton rows={4} />
      ) : !rows.length ? (
        <div className="p-4">
          <EmptyState title="Nothing sent yet">{empty}</EmptyState>
        </div>
      ) : (
        <DeliveryLog rows={rows} action={action} />
      )}
      {log.hasNextPage && <LoadMore onClick={() => void log.fetchNextPage()} busy={log.isFetchingNextPage} />}
    </Card>
  );
}
