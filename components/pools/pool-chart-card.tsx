'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { PoolSizeChart } from './pool-size-chart';
import { chartWindow } from './chart-window';
import { POOL_SAMPLES_WINDOW_MS, poolSamplesInput } from './queries';

/** Size against backlog over the last 30 minutes (or since creation); live events refetch it (see components/live). */
export function PoolChartCard({ poolId, enabled, createdAt }: { poolId: string; enabled: boolean; createdAt: number }) {
  const trpc = useTRPC();
  const samples = useQuery(trpc.pools.samples.queryOptions(poolSamplesInput(poolId)));
  // The window ends when the samples were fetched (or at the newest, should the clocks differ):
  // it moves with each refetch, not with a timer.
  const end = Math.max(samples.dataUpdatedAt, samples.data?.at(-1)?.at ?? 0);
  const minutes = Math.round(POOL_SAMPLES_WINDOW_MS / 60_000);
  const { window, sinceCreation } = chartWindow(end, createdAt);

  return (
    <Card title="Size against backlog" testId="pool-chart" bodyClassName="p-4"
      description={`Agents in the pool, awake and busy, and the queued tasks they could run; ${sinceCreation ? 'since the pool was created' : `last ${minutes} minutes`}`}>
      {samples.error ? (
        <ErrorState error={samples.error} title="Could not load the samples" onRetry={() => void samples.refetch()} />
      ) : !samples.data ? (
        <div className="flex h-[260px] items-center justify-center"><Spinner label="Loading samples…" /></div>
      ) : !samples.data.length ? (
        <EmptyState title={enabled ? 'Collecting samples' : 'No samples'}>
          {enabled
            ? 'The autoscaler records the pool on every change and at least every 5 seconds; the first points appear shortly.'
            : 'The pool is disabled: the autoscaler records nothing until it is enabled again.'}
        </EmptyState>
      ) : (
        <PoolSizeChart samples={samples.data} window={window} />
      )}
    </Card>
  );
}
