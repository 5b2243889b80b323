'use client';

import { useRouter } from 'next/navigation';
import type { SeriesPoint } from '@/server/core/metrics/ports';
import { OUTCOME_COLORS } from './chart-colors';
import { ChartLinks } from './chart-links';
import { formatPointTime } from './time-axis';
import { TimeSeriesChart, type ChartWindow } from './time-series-chart';

const SERIES = [
  { key: 'succeeded', label: 'Succeeded', color: OUTCOME_COLORS.succeeded },
  { key: 'failed', label: 'Failed', color: OUTCOME_COLORS.failed },
];
const STATUSES: Record<string, string> = { succeeded: 'succeeded', failed: 'failed,dead-lettered' };

/** Tasks finished per minute in each bucket; a bar opens the tasks that finished in it, with that outcome. */
export function ThroughputChart({ points, window: w }: { points: SeriesPoint[]; window: ChartWindow }) {
  const router = useRouter();
  const perMin = 60_000 / w.bucketMs;
  const data = points.map((p) => ({ at: p.at, succeeded: p.succeeded * perMin, failed: p.failed * perMin }));
  const href = (at: number, key: string) => `/tasks?status=${STATUSES[key] ?? ''}&since=${at}&until=${at + w.bucketMs}`;
  const links = points.flatMap((p) =>
    SERIES.filter((s) => p[s.key as 'succeeded' | 'failed'] > 0).map((s) => ({
      href: href(p.at, s.key),
      label: `${s.label} tasks ${formatPointTime(p.at, w.range)}–${formatPointTime(p.at + w.bucketMs, w.range)} (${p[s.key as 'succeeded' | 'failed']}): open in Tasks`,
    })),
  );
  return (
    <>
      <TimeSeriesChart
        window={w}
        variant="bar"
        data={data}
        series={SERIES}
        unit="tasks/min"
        label="Tasks finished per minute over the chosen range"
        onBarClick={(at, key) => router.push(href(at, key))}
      />
      <ChartLinks label="Throughput bars as links to their tasks" links={links} />
    </>
  );
}
