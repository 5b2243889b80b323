import type { Metadata } from 'next';
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
  await Promise.all([
    queryClient.prefetchInfiniteQuery(trpc.tasks.list.infiniteQueryOptions(input, { getNextPageParam: (last) => last.nextCursor })),
    queryClient.prefetchQuery(trpc.agents.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <TasksView />
    </HydrateClient>
  );
}
