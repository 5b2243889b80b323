import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AGENT_RECENT_TASKS } from '@/components/agents/queries';
import { getServerQueryClient, HydrateClient, serverTrpc } from '@/components/trpc/server';
import { AgentView } from './client';

export const metadata: Metadata = { title: 'Agent' };

export default async function AgentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.agents.get.queryOptions({ id })),
    queryClient.prefetchQuery(trpc.agents.breaker.queryOptions({ id })),
    queryClient.prefetchQuery(trpc.tasks.list.queryOptions({ agentId: id, limit: AGENT_RECENT_TASKS })),
  ]);
  // An unknown (or pruned) agent is a 404 with the ways back, not an error to retry.
  if (
    (queryClient.getQueryState(trpc.agents.get.queryKey({ id }))?.error as { code?: string } | null)?.code ===
    'NOT_FOUND'
  )
    notFound();
  return (
    <HydrateClient>
      <AgentView id={id} />
    </HydrateClient>
  );
}
