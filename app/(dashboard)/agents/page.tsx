import type { Metadata } from 'next';
import { agentListInput, parseAgentListParams } from '@/components/agents/agent-list-params';
import { getServerQueryClient, HydrateClient, serverTrpc } from '@/components/trpc/server';
import { AgentsView } from './client';

export const metadata: Metadata = { title: 'Agents' };

interface AgentsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AgentsPage({ searchParams }: AgentsPageProps) {
  const trpc = await serverTrpc();
  const input = agentListInput(parseAgentListParams(await searchParams));
  await getServerQueryClient().prefetchInfiniteQuery(
    trpc.agents.list.infiniteQueryOptions(input, { getNextPageParam: (last) => last.nextCursor }),
  );
  return (
    <HydrateClient>
      <AgentsView />
    </HydrateClient>
  );
}
