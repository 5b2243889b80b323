import type { Metadata } from 'next';
import { getServerQueryClient, HydrateClient, serverTrpc } from '@/components/trpc/server';
import { AgentsView } from './client';

export const metadata: Metadata = { title: 'Agents' };

export default async function AgentsPage() {
  const trpc = await serverTrpc();
  await getServerQueryClient().prefetchQuery(trpc.agents.list.queryOptions());
  return (
    <HydrateClient>
      <AgentsView />
    </HydrateClient>
  );
}
