import type { Metadata } from 'next';
import { getServerQueryClient, HydrateClient, serverTrpc } from '@/components/trpc/server';
import { TaskView } from './client';

export const metadata: Metadata = { title: 'Task' };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.tasks.detail.queryOptions({ id })),
    queryClient.prefetchQuery(trpc.agents.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <TaskView id={id} />
    </HydrateClient>
  );
}
