'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ActivityCard } from '@/components/agents/activity-card';
import { AgentDetails } from '@/components/agents/agent-details';
import { AgentLogsPanel } from '@/components/agents/agent-logs-panel';
import { AgentStateBadge } from '@/components/agents/agent-state-badge';
import { BreakerCard } from '@/components/agents/breaker-card';
import { BreakerMarker } from '@/components/agents/breaker-state-badge';
import { ContextCard } from '@/components/agents/context-card';
import { LifecycleActions } from '@/components/agents/lifecycle-actions';
import { PoolLink } from '@/components/agents/pool-link';
import { AGENT_RECENT_TASKS } from '@/components/agents/queries';
import { TasksTable } from '@/components/tasks/tasks-table';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { TableSkeleton } from '@/components/ui/table-skeleton';

const NO_NAMES = new Map<string, string>();

export function AgentView({ id }: { id: string }) {
  const trpc = useTRPC();
  const agent = useQuery(trpc.agents.get.queryOptions({ id }));
  const tasks = useQuery(trpc.tasks.list.queryOptions({ agentId: id, limit: AGENT_RECENT_TASKS }));
  const a = agent.data;

  return (
    <>
      <Link
        href="/agents"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800 dark:hover:text-slate-200"
      >
        ← Agents
      </Link>
      {agent.error ? (
        <ErrorState error={agent.error} title="Could not load this agent" onRetry={() => void agent.refetch()} />
      ) : !a ? (
        <TableSkeleton rows={4} />
      ) : (
        <div className="space-y-4">
          <PageHeader
            title={
              <span className="flex flex-wrap items-center gap-3">
                {a.name}
                <AgentStateBadge state={a.status} />
                <BreakerMarker state={a.breaker} />
              </span>
            }
            description={
              <>
                {a.runtime} · {a.capabilities.length} capabilities · up to {a.maxConcurrency} tasks at once
                {a.poolId && (
                  <>
                    {' '}
                    · <PoolLink poolId={a.poolId} fallbackName={a.labels.pool} />
                  </>
                )}
              </>
            }
            actions={<LifecycleActions agentId={a.id} agentName={a.name} status={a.status} />}
          />
          <div className="grid items-start gap-4 lg:grid-cols-2">
            <ActivityCard agent={a} />
            <ContextCard agent={a} />
          </div>
          <Card title="Details">
            <AgentDetails agent={a} />
          </Card>
          <BreakerCard agentId={a.id} agentName={a.name} />
          {a.poolId && <AgentLogsPanel agentId={a.id} />}
          <Card
            title="Recent tasks"
            description={`The last ${AGENT_RECENT_TASKS} tasks held by this agent`}
            bodyClassName=""
          >
            {tasks.error ? (
              <div className="p-4">
                <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
              </div>
            ) : !tasks.data ? (
              <div className="p-4">
                <Spinner />
              </div>
            ) : tasks.data.items.length ? (
              <TasksTable tasks={tasks.data.items} agentNames={NO_NAMES} hideAgent />
            ) : (
              <div className="p-4">
                <EmptyState title="No tasks yet">
                  Tasks this agent is given show up here as they are assigned.
                </EmptyState>
              </div>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
