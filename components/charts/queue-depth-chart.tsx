'use client';

import { PRIORITIES } from '@/server/core/model';
import type { MetricSample } from '@/server/core/ports';
import { PRIORITY_COLORS } from './chart-colors';
import { TimeSeriesChart } from './time-series-chart';

const SERIES = PRIORITIES.map((p) => ({ key: p, label: p, color: PRIORITY_COLORS[p] }));

/** Queued tasks at each sample, stacked by priority. */
export function QueueDepthChart({ samples, window }: { samples: MetricSample[]; window?: [number, number] }) {
  const data = samples.map((s) => ({ at: s.at, ...s.queued }));
  return <TimeSeriesChart window={window} variant="area" data={data} series={SERIES} label="Queued tasks by priority over the last 15 minutes" />;
}
