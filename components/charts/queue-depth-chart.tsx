'use client';

import { PRIORITIES } from '@/server/core/model';
import type { SeriesPoint } from '@/server/core/metrics/ports';
import { PRIORITY_COLORS } from './chart-colors';
import { TimeSeriesChart, type ChartWindow } from './time-series-chart';

const SERIES = PRIORITIES.map((p) => ({ key: p, label: p, color: PRIORITY_COLORS[p] }));

/** Queued tasks (mean over each bucket), stacked by priority. */
export function QueueDepthChart({ points, window }: { points: SeriesPoint[]; window: ChartWindow }) {
  const data = points.map((p) => ({ at: p.at, ...p.queued }));
  return (
    <TimeSeriesChart
      window={window}
      variant="area"
      data={data}
      series={SERIES}
      unit="tasks"
      label="Queued tasks by priority over the chosen range"
    />
  );
}
