import type { Metadata } from 'next';
import { getServerQueryClient, HydrateClient, requireSession, serverTrpc } from '@/components/trpc/server';
import { mayCall } from '@/server/core/access/authorize';
import { ChannelView } from './client';

export const metadata: Metadata = { title: 'Channel' };

export default async function ChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireSession();
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.channels.list.queryOptions()),
    queryClient.prefetchInfiniteQuery(
      trpc.channels.deliveries.infiniteQueryOptions({ id }, { getNextPageParam: (last) => last.nextCursor }),
    ),
  ]);
  return (
    <HydrateClient>
      <ChannelView id={id} canManage={mayCall(actor, 'channels.update')} />
    </HydrateClient>
  );
}
