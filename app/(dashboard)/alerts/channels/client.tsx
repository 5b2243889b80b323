'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AlertsTabs } from '@/components/alerts/alerts-tabs';
import { EMPTY_CHANNEL_DRAFT } from '@/components/channels/channel-draft';
import { ChannelForm } from '@/components/channels/channel-form';
import { ChannelsTable } from '@/components/channels/channels-table';
import { NewSecret } from '@/components/channels/secret-once';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { FormToggle } from '@/components/ui/form-toggle';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useToast } from '@/components/ui/toast';

export function ChannelsView({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const channels = useQuery(trpc.channels.list.queryOptions());
  const [showForm, setShowForm] = useState(false);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const create = useMutation(
    trpc.channels.create.mutationOptions({
      onSuccess: (c) => {
        void queryClient.invalidateQueries(trpc.channels.pathFilter());
        setShowForm(false);
        setSecret({ name: c.name, secret: c.secret });
        toast({
          title: `Channel ${c.name} created`,
          description: 'Copy its signing secret now; use Send test to check the receiver.',
        });
      },
      onError: (err) => toast(errorToast('Could not create the channel', err)),
    }),
  );
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Channels receive alert notifications: once when a group starts firing, again each repeat interval while it fires, once when it resolves. Every request is signed."
        actions={
          canManage && (
            <FormToggle open={showForm} onToggle={() => setShowForm((v) => !v)}>
              New channel
            </FormToggle>
          )
        }
      />
      <AlertsTabs />
      {secret && (
        <NewSecret title={`Channel ${secret.name}`} secret={secret.secret} onDismiss={() => setSecret(null)} />
      )}
      {showForm && (
        <Card title="New channel" className="mb-4">
          <ChannelForm
            initial={EMPTY_CHANNEL_DRAFT}
            submitLabel="Create channel"
            busy={create.isPending}
            error={create.error}
            onSubmit={(input) => create.mutate(input)}
            onCancel={() => setShowForm(false)}
          />
        </Card>
      )}
      {channels.error ? (
        <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />
      ) : !channels.data ? (
        <TableSkeleton rows={3} />
      ) : !channels.data.length ? (
        <EmptyState title="No notification channels">
          Alerts show here and in the navigation, but nobody outside the dashboard hears about them until a channel is
          added: a generic webhook, Slack, or an existing Alertmanager receiver.
        </EmptyState>
      ) : (
        <Card bodyClassName="">
          <ChannelsTable channels={channels.data} canManage={canManage} />
        </Card>
      )}
    </>
  );
}
