import type { Metadata } from 'next';
import { getServerQueryClient, HydrateClient, requireSession, serverTrpc } from '@/components/trpc/server';
import { mayCall } from '@/server/core/access/authorize';
import { HookView } from './client';

export const metadata: Metadata = { title: 'Hook' };

export default async function HookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await requireSession();
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.hooks.list.queryOptions()),
    queryClient.prefetchInfiniteQuery(
      trpc.hooks.deliveries.infiniteQueryOptions({ id }, { getNextPageParam: (last) => last.nextCursor }),
    ),
  ]);
  return (
    <HydrateClient>
      <HookView id={id} canManage={mayCall(actor, 'hooks.redeliver')} />
    </HydrateClient>
  );
}
