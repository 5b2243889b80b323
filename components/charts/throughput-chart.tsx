'use client';

import type { MetricSample } from '@/server/core/ports';
import { OUTCOME_COLORS } from './chart-colors';
import { TimeSeriesChart } from './time-series-chart';

const SERIES = [
  { key: 'succeeded', label: 'Succeeded', color: OUTCOME_COLORS.succeeded },
  { key: 'failed', label: 'Failed', color: OUTCOME_COLORS.failed },
];

/** Tasks finished in each 5-second sample. */
export function ThroughputChart({ samples, window }: { samples: MetricSample[]; window?: [number, number] }) {
  const data = samples.map((s) => ({ at: s.at, succeeded: s.succeeded, failed: s.failed }));
  return <TimeSeriesChart window={window} variant="bar" data={data} series={SERIES} label="Tasks finished per 5 seconds over the last 15 minutes" />;
}
