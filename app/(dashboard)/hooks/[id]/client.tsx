'use client';

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliveryLogRow } from '@/components/channels/delivery-log';
import { DeliveryLogCard, LOG_REFRESH_MS } from '@/components/channels/delivery-log-card';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { BackLink, DetailTitle, FoundInList } from '@/components/ui/detail-page';
import { formatDuration } from '@/components/ui/format';
import { useToast } from '@/components/ui/toast';

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
      <BackLink href="/hooks">Hooks</BackLink>
      <FoundInList list={list} item={h} what="hook">
        {(h) => (
          <div className="space-y-4">
            <div>
              <DetailTitle>
                {h.name}
                <Badge tone="indigo">{h.kind}</Badge>
                <Badge tone={h.enabled ? 'green' : 'gray'} dot>
                  {h.enabled ? 'enabled' : 'disabled'}
                </Badge>
              </DetailTitle>
              <p className="mt-1 break-all font-mono text-xs text-slate-500">{h.url}</p>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
                {h.kind === 'event'
                  ? `Receives ${h.patterns.join(', ')}; each request may take ${formatDuration(h.timeoutMs)}.`
                  : `Asked before every assignment, answers within ${formatDuration(h.timeoutMs)} or fails ${h.failMode} (${h.failMode === 'open' ? 'the task is assigned' : 'the task is held'}).`}
              </p>
            </div>
            {h.kind === 'event' && (
              <DeliveryLogCard
                log={log}
                description="Newest first. A failing delivery holds back only its subject; retries keep their delivery id, a replay gets a new one."
                empty="Deliveries show here as matching events happen."
                action={action}
              />
            )}
          </div>
        )}
      </FoundInList>
    </>
  );
}
