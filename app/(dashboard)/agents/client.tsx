'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { agentListInput } from '@/components/agents/agent-list-params';
import { AgentsTable } from '@/components/agents/agents-table';
import { AgentsToolbar } from '@/components/agents/agents-toolbar';
import { NoAgents } from '@/components/agents/no-agents';
import { useAgentListParams } from '@/components/agents/use-agent-list-params';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { TableSkeleton } from '@/components/ui/table-skeleton';

const fmt = (n: number) => n.toLocaleString('en-US');

export function AgentsView() {
  const trpc = useTRPC();
  const [params, setParams] = useAgentListParams();
  const agents = useInfiniteQuery({
    ...trpc.agents.list.infiniteQueryOptions(agentListInput(params), { getNextPageParam: (last) => last.nextCursor }),
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => agents.data?.pages.flatMap((p) => p.items) ?? [], [agents.data]);
  const first = agents.data?.pages[0];
  const counts = first?.counts;
  const filtered = params.search !== '' || params.status.length > 0;
  // Honest: registered (not terminated) and healthy (idle or busy), never "connected" for agents that are not.
  const summary = counts
    ? [
        `${fmt(counts.registered)} registered`,
        `${fmt(counts.healthy)} healthy`,
        ...(counts.terminated && !params.terminated ? [`${fmt(counts.terminated)} terminated hidden`] : []),
      ].join(' · ')
    : 'Workers registered with this control plane';

  return (
    <>
      <PageHeader title="Agents" description={<span data-testid="agents-summary">{summary}</span>} />
      {agents.error ? (
        <ErrorState error={agents.error} onRetry={() => void agents.refetch()} />
      ) : !first ? (
        <TableSkeleton rows={6} />
      ) : !counts?.registered && !counts?.terminated ? (
        <NoAgents />
      ) : (
        <Card bodyClassName="">
          <div className="border-b border-slate-100 p-4 dark:border-slate-800">
            <AgentsToolbar params={params} onChange={setParams} counts={counts?.byStatus} />
          </div>
          {items.length ? (
            <div className={agents.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}>
              <AgentsTable agents={items} sort={params.sort} onSort={(sort) => setParams({ ...params, sort })} />
            </div>
          ) : (
            <div className="p-4">
              {filtered ? (
                <EmptyState title="No agents match">
                  Try another search or state{params.terminated ? '' : ', or show terminated agents'}.
                </EmptyState>
              ) : (
                <EmptyState title="Every agent is terminated">
                  Tick “Show terminated” to see them; they are deleted after the retention period.
                </EmptyState>
              )}
            </div>
          )}
          <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-4 py-3 text-sm text-slate-500 dark:border-slate-800">
            <span data-testid="agents-shown">
              {fmt(items.length)} of {fmt(first.total)} shown
            </span>
            {agents.isFetchingNextPage ? (
              <Spinner label="Loading more…" />
            ) : (
              agents.hasNextPage && <Button onClick={() => void agents.fetchNextPage()}>Load more</Button>
            )}
          </div>
        </Card>
      )}
    </>
  );
}
