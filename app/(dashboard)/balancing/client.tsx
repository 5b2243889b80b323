'use client';

import { useQuery } from '@tanstack/react-query';
import { AssignmentsChart } from '@/components/balancing/assignments-chart';
import { BalancingKpis } from '@/components/balancing/balancing-kpis';
import { BalancingSkeleton } from '@/components/balancing/balancing-skeleton';
import { DecisionsPanel } from '@/components/balancing/decisions-panel';
import { ImbalanceChart } from '@/components/balancing/imbalance-chart';
import { DECISION_FEED_INPUT, DISTRIBUTION_INPUT } from '@/components/balancing/queries';
import { StrategyCard } from '@/components/balancing/strategy-card';
import { UtilisationChart } from '@/components/balancing/utilisation-chart';
import { WhatIfPanel } from '@/components/balancing/what-if-panel';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';

export function BalancingView({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const policy = useQuery(trpc.balancing.policy.queryOptions());
  const distribution = useQuery(trpc.balancing.distribution.queryOptions(DISTRIBUTION_INPUT));
  const decisions = useQuery(trpc.balancing.decisions.queryOptions(DECISION_FEED_INPUT));
  const d = distribution.data;
  const minutes = Math.round(DISTRIBUTION_INPUT.windowMs / 60_000);
  const error = policy.error ?? distribution.error;

  return (
    <>
      <PageHeader title="Load balancing" description={`How the scheduler picks agents, where work went over the last ${minutes} minutes, and what another strategy would have done.`} />
      {error ? (
        <ErrorState error={error} onRetry={() => { void policy.refetch(); void distribution.refetch(); }} />
      ) : !policy.data || !d ? (
        <BalancingSkeleton />
      ) : (
        <div className="space-y-4">
          <BalancingKpis distribution={d} />
          <div className="grid items-start gap-4 lg:grid-cols-2">
            <StrategyCard policy={policy.data} canEdit={canEdit} />
            <div className="min-w-0 space-y-4">
              <Card title="Assignments per agent" description={`Tasks routed to each agent in the last ${minutes} minutes`}>
                <AssignmentsChart assignments={d.assignments} />
              </Card>
              <Card title="Utilisation per agent" description="Share of each agent's slots in use, every 5 s (the busiest agents)">
                <UtilisationChart distribution={d} />
              </Card>
              <Card title="Imbalance over time" description="Coefficient of variation of utilisation every 5 s; lower is more even">
                <ImbalanceChart distribution={d} />
              </Card>
            </div>
          </div>
          {decisions.error ? (
            <ErrorState error={decisions.error} title="Could not load the decisions" onRetry={() => void decisions.refetch()} />
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
