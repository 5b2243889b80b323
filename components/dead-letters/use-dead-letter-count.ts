'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/client';
import { deadLetterListInput, NO_DEAD_LETTER_FILTERS } from './dead-letter-filters';

/**
 * How many tasks wait in the dead-letter queue, for the nav badge: the unfiltered first page of
 * the dead-letters page (the same cached query), so `more` means "at least this many".
 */
export function useDeadLetterCount(): { count: number; more: boolean } | null {
  const trpc = useTRPC();
  const q = useInfiniteQuery(
    trpc.tasks.list.infiniteQueryOptions(deadLetterListInput(NO_DEAD_LETTER_FILTERS), {
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
  if (!q.data) return null;
  return { count: q.data.pages.reduce((n, p) => n + p.items.length, 0), more: q.hasNextPage };
}
