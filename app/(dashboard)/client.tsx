'use client';

import { useQuery } from '@tanstack/react-query';
import { QueueDepthChart } from '@/components/charts/queue-depth-chart';
import { ThroughputChart } from '@/components/charts/throughput-chart';
import { AgentsByState } from '@/components/overview/agents-by-state';
import { OverviewKpis } from '@/components/overview/overview-kpis';
import { OverviewSkeleton } from '@/components/overview/overview-skeleton';
import { QueueByPriority } from '@/components/overview/queue-by-priority';
import { RECENT_DECISIONS } from '@/components/overview/queries';
import { RecentDecisions } from '@/components/overview/recent-decisions';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';

const CHART_WINDOW_MS = 15 * 60_000;

export function OverviewView() {
  const trpc = useTRPC();
  const overview = useQuery(trpc.overview.get.queryOptions());
  const decisions = useQuery(trpc.overview.decisions.queryOptions({ limit: RECENT_DECISIONS }));
  const o = overview.data;
  const chartWindow: [number, number] | undefined = o ? [o.at - CHART_WINDOW_MS, o.at] : undefined;
  const noSamples = <EmptyState title="Collecting samples">The server records a sample every 5 seconds; the first points appear shortly.</EmptyState>;

  return (
    <>
      <PageHeader title="Overview" description="Fleet health, queue and throughput over the last 15 minutes." />
      {overview.error ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : !o ? (
        <OverviewSkeleton />
      ) : (
        <div className="space-y-4">
          <OverviewKpis o={o} />
          <div className="grid gap-4 md:grid-cols-2">
            <AgentsByState agents={o.agents} />
            <QueueByPriority queue={o.queue} total={o.queueTotal} />
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card title="Throughput" description="Tasks finished per 5 s">
              {o.series.length ? <ThroughputChart samples={o.series} window={chartWindow} /> : noSamples}
            </Card>
            <Card title="Queue depth" description="Queued tasks by priority">
              {o.series.length ? <QueueDepthChart samples={o.series} window={chartWindow} /> : noSamples}
            </Card>
          </div>
          <Card title="Recent assignments" description="Latest routing decisions: the task, the agent that won it, and how long the decision took" bodyClassName="">
            {decisions.error ? (
              <div className="p-4"><ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} /></div>
            ) : decisions.data ? (
              <RecentDecisions decisions={decisions.data} />
            ) : (
              <div className="p-4"><Spinner /></div>
            )}
          </Card>
        </div>
      )}
    </>
  );
}

