'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AssignmentsChart } from '@/components/balancing/assignments-chart';
import { BalancingKpis } from '@/components/balancing/balancing-kpis';
import { BalancingSkeleton } from '@/components/balancing/balancing-skeleton';
import { DecisionsPanel } from '@/components/balancing/decisions-panel';
import { ImbalanceChart } from '@/components/balancing/imbalance-chart';
import { DECISION_FEED_INPUT } from '@/components/balancing/queries';
import { StrategyCard } from '@/components/balancing/strategy-card';
import { UtilisationHeatmap } from '@/components/balancing/utilisation-heatmap';
import { RANGE_WORDS, seriesRefetchMs } from '@/components/charts/refetch';
import { TimeRangePicker } from '@/components/charts/time-range-picker';
import { useTimeRange } from '@/components/charts/use-time-range';
import { WhatIfPanel } from '@/components/balancing/what-if-panel';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';

export function BalancingView({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const policy = useQuery(trpc.balancing.policy.queryOptions());
  const [range, setRange] = useTimeRange();
  const distribution = useQuery({
    ...trpc.balancing.distribution.queryOptions({ range }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => seriesRefetchMs(q.state.data?.imbalanceSeries.bucketMs),
  });
  const decisions = useQuery(trpc.balancing.decisions.queryOptions(DECISION_FEED_INPUT));
  const d = distribution.data;
  const over = `the last ${RANGE_WORDS[range]}`;
  const error = policy.error ?? distribution.error;

  return (
    <>
      <PageHeader
        title="Load balancing"
        description={`How the scheduler picks agents, where work went over ${over}, and what another strategy would have done.`}
      />
      {error ? (
        <ErrorState
          error={error}
          onRetry={() => {
            void policy.refetch();
            void distribution.refetch();
          }}
        />
      ) : !policy.data || !d ? (
        <BalancingSkeleton />
      ) : (
        <div className="space-y-4">
          <BalancingKpis distribution={d} />
          <div className="grid items-start gap-4 lg:grid-cols-2">
            <StrategyCard policy={policy.data} canEdit={canEdit} />
            <div
              className={`min-w-0 space-y-4 ${distribution.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}`}
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-sm font-semibold text-slate-700 dark:text-slate-200">Charts over {over}</h2>
                <TimeRangePicker
                  value={range}
                  onChange={setRange}
                  label="Time range of the assignments, utilisation and imbalance charts"
                />
              </div>
              <Card
                title="Assignments per agent"
                description={`Tasks routed to each agent over ${over}; click a bar for the agent`}
              >
                <AssignmentsChart assignments={d.assignments} />
              </Card>
              <Card
                title="Utilisation per agent"
                description="Share of each agent's slots in use over time: the busiest agents, the rest averaged; click a row for the agent"
                testId="utilisation-card"
              >
                <UtilisationHeatmap distribution={d} />
              </Card>
              <Card
                title="Imbalance over time"
                description="Coefficient of variation (CV) of utilisation across agents; lower is more even"
              >
                <ImbalanceChart distribution={d} />
              </Card>
            </div>
          </div>
          {decisions.error ? (
            <ErrorState
              error={decisions.error}
              title="Could not load the decisions"
              onRetry={() => void decisions.refetch()}
            />
          ) : decisions.data ? (
            <DecisionsPanel decisions={decisions.data} />
          ) : (
            <Spinner />
          )}
          <WhatIfPanel policy={policy.data} hasDecisions={decisions.data ? decisions.data.length > 0 : true} />
        </div>
      )}
    </>
  );
}
