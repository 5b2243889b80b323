'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { RANGE_WORDS } from '@/components/charts/refetch';
import { TimeRangePicker } from '@/components/charts/time-range-picker';
import { useTimeRange } from '@/components/charts/use-time-range';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { PoolSizeChart } from './pool-size-chart';
import { POOL_CHART_RANGE, poolSamplesInput } from './queries';

/** Size against backlog over the chosen range (`?range=`); live events refetch it (see components/live). */
export function PoolChartCard({ poolId, enabled }: { poolId: string; enabled: boolean }) {
  const trpc = useTRPC();
  const [range, setRange] = useTimeRange(POOL_CHART_RANGE);
  const samples = useQuery({
    ...trpc.pools.samples.queryOptions(poolSamplesInput(poolId, range)),
    placeholderData: keepPreviousData,
  });
  const view = samples.data;

  return (
    <Card
      title="Size against backlog"
      testId="pool-chart"
      bodyClassName="p-4"
      description={`Agents in the pool, awake and busy, and the queued tasks they could run; peak per interval over the last ${RANGE_WORDS[range]}`}
      action={<TimeRangePicker value={range} onChange={setRange} label="Time range of the pool chart" />}
    >
      {samples.error ? (
        <ErrorState error={samples.error} title="Could not load the samples" onRetry={() => void samples.refetch()} />
      ) : !view ? (
        <div className="flex h-[260px] items-center justify-center">
          <Spinner label="Loading samples…" />
        </div>
      ) : !view.points.length ? (
        <EmptyState title={enabled ? 'Collecting samples' : 'No samples'}>
          {enabled
            ? `Nothing recorded over the last ${RANGE_WORDS[view.range]}: the autoscaler records the pool on every change and at least every 5 seconds.`
            : 'The pool is disabled: the autoscaler records nothing until it is enabled again.'}
        </EmptyState>
      ) : (
        <div className={samples.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}>
          <PoolSizeChart view={view} />
        </div>
      )}
    </Card>
  );
}
