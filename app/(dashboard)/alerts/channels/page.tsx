import type { Metadata } from 'next';
import { getServerQueryClient, HydrateClient, requireSession, serverTrpc } from '@/components/trpc/server';
import { mayCall } from '@/server/core/access/authorize';
import { ChannelsView } from './client';

export const metadata: Metadata = { title: 'Notification channels' };

export default async function ChannelsPage() {
  const { actor } = await requireSession();
  const trpc = await serverTrpc();
  await getServerQueryClient().prefetchQuery(trpc.channels.list.queryOptions());
  return (
    <HydrateClient>
      <ChannelsView canManage={mayCall(actor, 'channels.create')} />
    </HydrateClient>
  );
}
