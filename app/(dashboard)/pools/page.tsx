import type { Metadata } from 'next';
import { getServerQueryClient, HydrateClient, requireSession, serverTrpc } from '@/components/trpc/server';
import { PoolsView } from './client';

export const metadata: Metadata = { title: 'Pools' };

export default async function PoolsPage() {
  const { principal } = await requireSession();
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.pools.list.queryOptions()),
    queryClient.prefetchQuery(trpc.pools.providers.queryOptions()),
  ]);
  // The server decides; this only spares others a form that would be refused.
  const canAdmin = 'role' in principal && principal.role === 'admin';
  return (
    <HydrateClient>
      <PoolsView canAdmin={canAdmin} />
    </HydrateClient>
  );
}
