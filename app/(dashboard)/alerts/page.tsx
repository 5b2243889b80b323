import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { alertListInput, parseAlertFilters } from '@/components/alerts/alert-filters';
import { getServerQueryClient, HydrateClient, serverTrpc } from '@/components/trpc/server';
import { AlertsView } from './client';

export const metadata: Metadata = { title: 'Alerts' };

interface AlertsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AlertsPage({ searchParams }: AlertsPageProps) {
  const params = await searchParams;
  // Notifications link here (`generatorURL`: /alerts?id=…): the alert has its own page.
  const id = Array.isArray(params.id) ? params.id[0] : params.id;
  if (id) redirect(`/alerts/${encodeURIComponent(id)}`);
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(
      trpc.alerts.list.infiniteQueryOptions(alertListInput(parseAlertFilters(params)), {
        getNextPageParam: (last) => last.nextCursor,
      }),
    ),
    queryClient.prefetchQuery(trpc.alerts.counts.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <AlertsView />
    </HydrateClient>
  );
}
