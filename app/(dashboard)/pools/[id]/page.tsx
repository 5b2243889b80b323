import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { parseRange } from '@/components/charts/range-param';
import { POOL_CHART_RANGE, poolDecisionsInput, poolSamplesInput } from '@/components/pools/queries';
import { getServerQueryClient, HydrateClient, requireSession, serverTrpc } from '@/components/trpc/server';
import { PoolView } from './client';
import { mayCall } from '@/server/core/access/authorize';

export const metadata: Metadata = { title: 'Pool' };

interface PoolPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function PoolPage({ params, searchParams }: PoolPageProps) {
  const { id } = await params;
  const range = parseRange(await searchParams, POOL_CHART_RANGE);
  const { actor } = await requireSession();
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.pools.get.queryOptions({ id })),
    queryClient.prefetchQuery(trpc.pools.decisions.queryOptions(poolDecisionsInput(id))),
    queryClient.prefetchQuery(trpc.pools.samples.queryOptions(poolSamplesInput(id, range))),
  ]);
  // An unknown pool is a 404 with the ways back, not an error to retry.
  if (
    (queryClient.getQueryState(trpc.pools.get.queryKey({ id }))?.error as { code?: string } | null)?.code ===
    'NOT_FOUND'
  )
    notFound();
  // The server decides; this only spares others buttons that would be refused.
  const canAdmin = mayCall(actor, 'pools.create');
  return (
    <HydrateClient>
      <PoolView id={id} canAdmin={canAdmin} />
    </HydrateClient>
  );
}
