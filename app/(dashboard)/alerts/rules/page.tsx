import type { Metadata } from 'next';
import { getServerQueryClient, HydrateClient, requireSession, serverTrpc } from '@/components/trpc/server';
import { mayCall } from '@/server/core/access/authorize';
import { RulesView } from './client';

export const metadata: Metadata = { title: 'Alert rules' };

export default async function RulesPage() {
  const { actor } = await requireSession();
  const trpc = await serverTrpc();
  await getServerQueryClient().prefetchQuery(trpc.alerts.rules.list.queryOptions());
  return (
    <HydrateClient>
      <RulesView canConfigure={mayCall(actor, 'alerts.rules.create')} />
    </HydrateClient>
  );
}
