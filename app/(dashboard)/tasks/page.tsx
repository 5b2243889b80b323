import type { Metadata } from 'next';
import { agentNamesInput } from '@/components/agents/agent-names';
import { parseTaskFilters, taskListInput } from '@/components/tasks/task-filter-params';
import { getServerQueryClient, HydrateClient, serverTrpc } from '@/components/trpc/server';
import { TasksView } from './client';

export const metadata: Metadata = { title: 'Tasks' };

interface TasksPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function TasksPage({ searchParams }: TasksPageProps) {
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  const input = taskListInput(parseTaskFilters(await searchParams));
  const tasks = await queryClient
    .fetchInfiniteQuery(trpc.tasks.list.infiniteQueryOptions(input, { getNextPageParam: (last) => last.nextCursor }))
    .catch(() => null);
  const agentIds = tasks?.pages.flatMap((p) => p.items.map((t) => t.agentId)) ?? [];
  if (agentIds.some(Boolean)) await queryClient.prefetchQuery(trpc.agents.list.queryOptions(agentNamesInput(agentIds)));
  return (
    <HydrateClient>
      <TasksView />
    </HydrateClient>
  );
}
