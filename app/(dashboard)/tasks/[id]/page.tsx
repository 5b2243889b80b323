import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { agentNamesInput } from '@/components/agents/agent-names';
import { getServerQueryClient, HydrateClient, serverTrpc } from '@/components/trpc/server';
import { TaskView } from './client';

export const metadata: Metadata = { title: 'Task' };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const trpc = await serverTrpc();
  const queryClient = getServerQueryClient();
  const detail = await queryClient.fetchQuery(trpc.tasks.detail.queryOptions({ id })).catch((e: { code?: string }) => {
    // An unknown task is a 404 with the ways back; other errors show on the page, with a retry.
    if (e?.code === 'NOT_FOUND') notFound();
    return null;
  });
  if (detail?.task.agentId)
    await queryClient.prefetchQuery(trpc.agents.list.queryOptions(agentNamesInput([detail.task.agentId])));
  return (
    <HydrateClient>
      <TaskView id={id} />
    </HydrateClient>
  );
}
