import type { Metadata } from 'next';
import { deadLetterListInput, parseDeadLetterFilters } from '@/components/dead-letters/dead-letter-filters';
import { getServerQueryClient, HydrateClient, serverTrpc } from '@/components/trpc/server';
import { DeadLettersView } from './client';

export const metadata: Metadata = { title: 'Dead letters' };

interface DeadLettersPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function DeadLettersPage({ searchParams }: DeadLettersPageProps) {
  const trpc = await serverTrpc();
  const input = deadLetterListInput(parseDeadLetterFilters(await searchParams));
  await getServerQueryClient().prefetchInfiniteQuery(
    trpc.tasks.list.infiniteQueryOptions(input, { getNextPageParam: (last) => last.nextCursor }),
  );
  return (
    <HydrateClient>
      <DeadLettersView />
    </HydrateClient>
  );
}
