import type { Metadata } from 'next';
import { getServerQueryClient, HydrateClient, requireSession, serverTrpc } from '@/components/trpc/server';
import { mayCall } from '@/server/core/access/authorize';
import { SilencesView } from './client';

export const metadata: Metadata = { title: 'Silences' };

export default async function SilencesPage() {
  const { actor } = await requireSession();
  const trpc = await serverTrpc();
  await getServerQueryClient().prefetchQuery(trpc.alerts.silences.queryOptions({ includeExpired: true }));
  return (
    <HydrateClient>
      <SilencesView canOperate={mayCall(actor, 'alerts.silence')} />
    </HydrateClient>
  );
}
