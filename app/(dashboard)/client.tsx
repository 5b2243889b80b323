'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type React from 'react';
import { QueueDepthChart } from '@/components/charts/queue-depth-chart';
import { ThroughputChart } from '@/components/charts/throughput-chart';
import { TimeRangePicker } from '@/components/charts/time-range-picker';
import { useTimeRange } from '@/components/charts/use-time-range';
import { seriesRefetchMs } from '@/components/charts/refetch';
import { AgentsByState } from '@/components/overview/agents-by-state';
import { OverviewKpis } from '@/components/overview/overview-kpis';
import { OverviewSkeleton } from '@/components/overview/overview-skeleton';
import { QueueByPriority } from '@/components/overview/queue-by-priority';
import { RECENT_DECISIONS } from '@/components/overview/queries';
import { RecentDecisions } from '@/components/overview/recent-decisions';
import { ReplicaPanel } from '@/components/overview/replica-panel';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { RANGE_WORDS } from '@/components/charts/refetch';

export function OverviewView() {
  const trpc = useTRPC();
  const overview = useQuery(trpc.overview.get.queryOptions());
  const decisions = useQuery(trpc.overview.decisions.queryOptions({ limit: RECENT_DECISIONS }));
  // "Last seen" moves every few seconds; the live stream refreshes the leader at once.
  const cluster = useQuery({ ...trpc.system.replicas.queryOptions(), refetchInterval: 15_000 });
  const [range, setRange] = useTimeRange();
  const series = useQuery({
    ...trpc.overview.series.queryOptions({ range }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => seriesRefetchMs(q.state.data?.bucketMs),
  });
  const o = overview.data;
  const s = series.data;
  const noSamples = (
    <EmptyState title="Collecting samples">
      The server records a sample every 5 seconds; the first points appear shortly.
    </EmptyState>
  );
  const chart = (node: (view: NonNullable<typeof s>) => React.ReactNode) =>
    series.error ? (
      <ErrorState error={series.error} onRetry={() => void series.refetch()} />
    ) : !s ? (
      <Spinner />
    ) : s.points.length ? (
      node(s)
    ) : (
      noSamples
    );

  return (
    <>
      <PageHeader
        title="Overview"
        description="Fleet health now, and the queue and throughput over the chosen range."
      />
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
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-sm font-semibold text-slate-700 dark:text-slate-200">
              Charts over the last {RANGE_WORDS[range]}
            </h2>
            <TimeRangePicker
              value={range}
              onChange={setRange}
              label="Time range of the throughput and queue depth charts"
            />
          </div>
          <div
            className={`grid gap-4 lg:grid-cols-2 ${series.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}`}
          >
            <Card
              title="Throughput"
              description="Tasks finished per minute; click a bar for its tasks"
              testId="throughput-card"
            >
              {chart((v) => (
                <ThroughputChart points={v.points} window={v} />
              ))}
            </Card>
            <Card
              title="Queue depth"
              description="Queued tasks by priority (mean per bucket)"
              testId="queue-depth-card"
            >
              {chart((v) => (
                <QueueDepthChart points={v.points} window={v} />
              ))}
            </Card>
          </div>
          <Card
            title="Recent assignments"
            description="Latest routing decisions: the task, the agent that won it, and how long the decision took"
            bodyClassName=""
          >
            {decisions.error ? (
              <div className="p-4">
                <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
              </div>
            ) : decisions.data ? (
              <RecentDecisions decisions={decisions.data} />
            ) : (
              <div className="p-4">
                <Spinner />
              </div>
            )}
          </Card>
          {cluster.error ? (
            <ErrorState error={cluster.error} onRetry={() => void cluster.refetch()} />
          ) : cluster.data ? (
            <ReplicaPanel cluster={cluster.data} />
          ) : null}
        </div>
      )}
    </>
  );
}
