'use client';

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ChannelActions } from '@/components/channels/channel-actions';
import { draftFromChannel } from '@/components/channels/channel-draft';
import { ChannelForm } from '@/components/channels/channel-form';
import { DeliveryLogCard, LOG_REFRESH_MS } from '@/components/channels/delivery-log-card';
import { SecretOnce } from '@/components/channels/secret-once';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { BackLink, DetailTitle, FoundInList } from '@/components/ui/detail-page';
import { useToast } from '@/components/ui/toast';

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

  return (
    <>
      <BackLink href="/alerts/channels">Channels</BackLink>
      <FoundInList list={list} item={c} what="channel">
        {(c) => (
          <div className="space-y-4">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <DetailTitle>
                  {c.name}
                  <Badge tone={c.enabled ? 'green' : 'gray'} dot testId="channel-enabled">
                    {c.enabled ? 'enabled' : 'disabled'}
                  </Badge>
                </DetailTitle>
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
            <DeliveryLogCard
              log={log}
              description="Every notification and test sent here, newest first; a retry keeps its delivery id."
              empty="Send a test to see the receiver's answer here."
            />
          </div>
        )}
      </FoundInList>
    </>
  );
}
