import type { Metadata } from 'next';
import { getServerQueryClient, HydrateClient, requireSession, serverTrpc } from '@/components/trpc/server';
import { mayCall } from '@/server/core/access/authorize';
import { HooksView } from './client';

export const metadata: Metadata = { title: 'Hooks' };

export default async function HooksPage() {
  const { actor } = await requireSession();
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.hooks.list.queryOptions()),
    queryClient.prefetchQuery(trpc.hooks.catalogue.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <HooksView canManage={mayCall(actor, 'hooks.create')} />
    </HydrateClient>
  );
}
