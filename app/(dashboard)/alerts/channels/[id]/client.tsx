'use client';

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ChannelActions } from '@/components/channels/channel-actions';
import { draftFromChannel } from '@/components/channels/channel-draft';
import { ChannelForm } from '@/components/channels/channel-form';
import { DeliveryLog, LoadMore } from '@/components/channels/delivery-log';
import { SecretOnce } from '@/components/channels/secret-once';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useToast } from '@/components/ui/toast';

// Deliveries write no events (they would flood the log): the open log looks again every few seconds.
const LOG_REFRESH_MS = 5_000;

export function ChannelView({ id, canManage }: { id: string; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const list = useQuery(trpc.channels.list.queryOptions());
  const log = useInfiniteQuery({
    ...trpc.channels.deliveries.infiniteQueryOptions({ id }, { getNextPageParam: (last) => last.nextCursor }),
    refetchInterval: LOG_REFRESH_MS,
  });
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const c = list.data?.find((x) => x.id === id);
  const update = useMutation(
    trpc.channels.update.mutationOptions({
      onSuccess: (r) => {
        void queryClient.invalidateQueries(trpc.channels.pathFilter());
        setEditing(false);
        if (r.secret) setSecret(r.secret);
        toast({ title: r.secret ? `New signing secret for ${r.name}` : `Channel ${r.name} saved` });
      },
      onError: (err) => toast(errorToast('Could not save the channel', err)),
    }),
  );
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Link
        href="/alerts/channels"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800 dark:hover:text-slate-200"
      >
        ← Channels
      </Link>
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <TableSkeleton rows={4} />
      ) : !c ? (
        <EmptyState title="No such channel">It may have been deleted.</EmptyState>
      ) : (
        <div className="space-y-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold tracking-tight text-slate-900 dark:text-slate-50">
                {c.name}
                <Badge tone={c.enabled ? 'green' : 'gray'} dot testId="channel-enabled">
                  {c.enabled ? 'enabled' : 'disabled'}
                </Badge>
              </h1>
              <p className="mt-1 break-all font-mono text-xs text-slate-500">
                {c.type} · {c.url}
              </p>
            </div>
            {canManage && (
              <span className="flex flex-wrap gap-1.5">
                <Button size="sm" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
                  {editing ? 'Close editor' : 'Edit'}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={update.isPending}
                  onClick={() => update.mutate({ id, rotateSecret: true })}
                >
                  Rotate secret
                </Button>
                <ChannelActions channel={c} afterDelete="/alerts/channels" />
              </span>
            )}
          </div>
          {secret && <SecretOnce secret={secret} onDismiss={() => setSecret(null)} />}
          {editing && (
            <Card title="Edit channel">
              <ChannelForm
                initial={draftFromChannel(c)}
                submitLabel="Save"
                busy={update.isPending}
                error={update.error}
                onSubmit={(input) => update.mutate({ id, ...input })}
                onCancel={() => setEditing(false)}
              />
            </Card>
          )}
          <Card
            title="Delivery log"
            description="Every notification and test sent here, newest first; a retry keeps its delivery id."
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
                <EmptyState title="Nothing sent yet">Send a test to see the receiver's answer here.</EmptyState>
              </div>
            ) : (
              <DeliveryLog rows={rows} />
            )}
            {log.hasNextPage && <LoadMore onClick={() => void log.fetchNextPage()} busy={log.isFetchingNextPage} />}
          </Card>
        </div>
      )}
    </>
  );
}
