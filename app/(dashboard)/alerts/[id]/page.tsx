import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getServerQueryClient, HydrateClient, requireSession, serverTrpc } from '@/components/trpc/server';
import { mayCall } from '@/server/core/access/authorize';
import { AlertView } from './client';

export const metadata: Metadata = { title: 'Alert' };

interface AlertPageProps {
  params: Promise<{ id: string }>;
}

export default async function AlertPage({ params }: AlertPageProps) {
  const { id } = await params;
  const { actor } = await requireSession();
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.alerts.get.queryOptions({ id })),
    queryClient.prefetchQuery(trpc.alerts.rules.list.queryOptions()),
  ]);
  // An unknown alert is a 404 with the ways back, not an error to retry.
  if (
    (queryClient.getQueryState(trpc.alerts.get.queryKey({ id }))?.error as { code?: string } | null)?.code ===
    'NOT_FOUND'
  )
    notFound();
  return (
    <HydrateClient>
      <AlertView id={id} me={actor.name} canOperate={mayCall(actor, 'alerts.acknowledge')} />
    </HydrateClient>
  );
}
