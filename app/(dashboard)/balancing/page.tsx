import type { Metadata } from 'next';
import { DECISION_FEED_INPUT } from '@/components/balancing/queries';
import { parseRange } from '@/components/charts/range-param';
import { getServerQueryClient, HydrateClient, requireSession, serverTrpc } from '@/components/trpc/server';
import { BalancingView } from './client';
import { mayCall } from '@/server/core/access/authorize';

export const metadata: Metadata = { title: 'Balancing' };

export default async function BalancingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const range = parseRange(await searchParams);
  const { actor } = await requireSession();
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.balancing.policy.queryOptions()),
    queryClient.prefetchQuery(trpc.balancing.distribution.queryOptions({ range })),
    queryClient.prefetchQuery(trpc.balancing.decisions.queryOptions(DECISION_FEED_INPUT)),
  ]);
  // The server decides; this only spares a viewer a Save button that would be refused.
  const canEdit = mayCall(actor, 'balancing.setStrategy');
  return (
    <HydrateClient>
      <BalancingView canEdit={canEdit} />
    </HydrateClient>
  );
}
