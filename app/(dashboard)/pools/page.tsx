import type { Metadata } from 'next';
import { getServerQueryClient, HydrateClient, requireSession, serverTrpc } from '@/components/trpc/server';
import { PoolsView } from './client';
import { mayCall } from '@/server/core/access/authorize';

export const metadata: Metadata = { title: 'Pools' };

export default async function PoolsPage() {
  const { actor } = await requireSession();
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.pools.list.queryOptions()),
    queryClient.prefetchQuery(trpc.pools.providers.queryOptions()),
  ]);
  // The server decides; this only spares others a form that would be refused.
  const canAdmin = mayCall(actor, 'pools.create');
  return (
    <HydrateClient>
      <PoolsView canAdmin={canAdmin} />
    </HydrateClient>
  );
}
