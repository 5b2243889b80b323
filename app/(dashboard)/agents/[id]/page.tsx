import type { Metadata } from 'next';
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
  return (
    <HydrateClient>
      <AgentView id={id} />
    </HydrateClient>
  );
}
