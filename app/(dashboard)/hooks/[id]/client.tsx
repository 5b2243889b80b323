'use client';

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { DeliveryLog, LoadMore, type DeliveryLogRow } from '@/components/channels/delivery-log';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { formatDuration } from '@/components/ui/format';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useToast } from '@/components/ui/toast';

// Deliveries write no events (they would flood the log): the open log looks again every few seconds.
const LOG_REFRESH_MS = 5_000;

export function HookView({ id, canManage }: { id: string; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const list = useQuery(trpc.hooks.list.queryOptions());
  const log = useInfiniteQuery({
    ...trpc.hooks.deliveries.infiniteQueryOptions({ id }, { getNextPageParam: (last) => last.nextCursor }),
    refetchInterval: LOG_REFRESH_MS,
  });
  const replay = useMutation(
    trpc.hooks.redeliver.mutationOptions({
      onSuccess: (d) => {
        void queryClient.invalidateQueries(trpc.hooks.deliveries.pathFilter());
        toast({
          title: `Replay of ${d.replayOf} queued as ${d.id}`,
          description: 'Same body, new delivery id; it goes out after the subject’s earlier deliveries.',
        });
      },
      onError: (err) => toast(errorToast('Could not replay the delivery', err)),
    }),
  );
  const h = list.data?.find((x) => x.id === id);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const action = canManage
    ? (d: DeliveryLogRow) => (
        <Button
          size="sm"
          disabled={replay.isPending}
          onClick={() => replay.mutate({ deliveryId: d.id })}
          title="Send the same body again as a new delivery"
        >
          Replay
        </Button>
      )
    : undefined;

  return (
    <>
      <Link
        href="/hooks"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800 dark:hover:text-slate-200"
      >
        ← Hooks
      </Link>
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <TableSkeleton rows={4} />
      ) : !h ? (
        <EmptyState title="No such hook">It may have been deleted.</EmptyState>
      ) : (
        <div className="space-y-4">
          <div>
            <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold tracking-tight text-slate-900 dark:text-slate-50">
              {h.name}
              <Badge tone="indigo">{h.kind}</Badge>
              <Badge tone={h.enabled ? 'green' : 'gray'} dot>
                {h.enabled ? 'enabled' : 'disabled'}
              </Badge>
            </h1>
            <p className="mt-1 break-all font-mono text-xs text-slate-500">{h.url}</p>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
              {h.kind === 'event'
                ? `Receives ${h.patterns.join(', ')}; each request may take ${formatDuration(h.timeoutMs)}.`
                : `Asked before every assignment, answers within ${formatDuration(h.timeoutMs)} or fails ${h.failMode} (${h.failMode === 'open' ? 'the task is assigned' : 'the task is held'}).`}
            </p>
          </div>
          {h.kind === 'event' && (
            <Card
              title="Delivery log"
              description="Newest first. A failing delivery holds back only its subject; retries keep their delivery id, a replay gets a new one."
              bodyClassName=""
            >
              {log.error ? (
                <div className="p-4">
                  <ErrorState error={log.error} onRetry={() => void log.refetch()} />
                </div>
              ) : !log.data ? (
                <TableSkeleton rows={4} />
              ) : !rows.length ? (
                <div className="p-4">
                  <EmptyState title="Nothing sent yet">Deliveries show here as matching events happen.</EmptyState>
                </div>
              ) : (
                <DeliveryLog rows={rows} action={action} />
              )}
              {log.hasNextPage && <LoadMore onClick={() => void log.fetchNextPage()} busy={log.isFetchingNextPage} />}
            </Card>
          )}
        </div>
      )}
    </>
  );
}
