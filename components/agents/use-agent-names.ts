'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { agentNamesInput } from './agent-names';

/** Names of the given agents by id; an agent since pruned is simply missing. */
export function useAgentNames(ids: (string | null | undefined)[]): Map<string, string> {
  const trpc = useTRPC();
  const input = agentNamesInput(ids);
  const agents = useQuery({
    ...trpc.agents.list.queryOptions(input),
    enabled: input.ids.length > 0,
    placeholderData: keepPreviousData,
  });
  return useMemo(() => new Map((agents.data?.items ?? []).map((a) => [a.id, a.name])), [agents.data]);
}
