import type { Metadata } from 'next';
import { getServerQueryClient, HydrateClient, serverTrpc } from '@/components/trpc/server';
import { RECENT_DECISIONS } from '@/components/overview/queries';
import { parseRange } from '@/components/charts/range-param';
import { OverviewView } from './client';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const range = parseRange(await searchParams);
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.overview.get.queryOptions()),
    queryClient.prefetchQuery(trpc.overview.series.queryOptions({ range })),
    queryClient.prefetchQuery(trpc.overview.decisions.queryOptions({ limit: RECENT_DECISIONS })),
    queryClient.prefetchQuery(trpc.system.replicas.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <OverviewView />
    </HydrateClient>
  );
}
