'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AGENT_STATES, type AgentState } from '@/server/core/model';
import { AgentsTable } from '@/components/agents/agents-table';
import { NoAgents } from '@/components/agents/no-agents';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { FilterChips } from '@/components/ui/filter-chips';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';

export function AgentsView() {
  const trpc = useTRPC();
  const agents = useQuery(trpc.agents.list.queryOptions());
  const [states, setStates] = useState<AgentState[]>([]);

  const all = agents.data ?? [];
  const counts = Object.fromEntries(AGENT_STATES.map((s) => [s, all.filter((a) => a.status === s).length])) as Record<AgentState, number>;
  const shown = states.length ? all.filter((a) => states.includes(a.status)) : all;

  return (
    <>
      <PageHeader title="Agents" description={agents.data ? `${all.length} registered · ${all.length - counts.stopped - counts.offline - counts.terminated} connected` : 'Workers registered with this control plane'} />
      {agents.error ? (
        <ErrorState error={agents.error} onRetry={() => void agents.refetch()} />
      ) : !agents.data ? (
        <TableSkeleton rows={6} />
      ) : !all.length ? (
        <NoAgents />
      ) : (
        <Card bodyClassName="">
          <div className="border-b border-slate-100 px-4 py-3 dark:border-slate-800">
            <FilterChips label="State" options={AGENT_STATES} selected={states} onChange={setStates} counts={counts} />
          </div>
          {shown.length ? <AgentsTable agents={shown} /> : (
            <div className="p-4"><EmptyState title="No agents in this state">Clear the filter to see the whole fleet.</EmptyState></div>
          )}
        </Card>
      )}
    </>
  );
}
