'use client';

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_COLOR, GRID_COLOR, unitLabel } from '@/components/charts/chart-colors';
import {
  formatPointTime,
  formatTick,
  rangeTicks,
  TOOLTIP_LABEL_STYLE,
  TOOLTIP_STYLE,
  withGaps,
  type ChartSeries,
  type TimePoint,
} from '@/components/charts/time-axis';
import type { ChartWindow } from '@/components/charts/time-series-chart';
import { Skeleton } from '@/components/ui/skeleton';
import { useHydrated } from '@/components/ui/use-hydrated';

interface TimeLinesChartProps {
  data: TimePoint[];
  series: ChartSeries[];
  label: string;
  window: ChartWindow;
  /** The y axis's unit, drawn along it. */
  unit: string;
  yDomain?: [number, number | 'auto'];
  formatY: (v: number) => string;
  legend?: boolean;
  height?: number;
}

/** Levels over time as lines (not stacked); renders in the browser only, as it measures its box. */
export function TimeLinesChart({
  data,
  series,
  label,
  window: w,
  unit,
  yDomain = [0, 'auto'],
  formatY,
  legend = series.length > 1,
  height = 240,
}: TimeLinesChartProps) {
  const hydrated = useHydrated();
  if (!hydrated)
    return (
      <div style={{ height }}>
        <Skeleton className="h-full w-full" />
      </div>
    );
  return (
    <div
      role="img"
      aria-label={label}
      style={{ height }}
      className="w-full min-w-0"
      data-chart-range={w.range}
      data-buckets={w.buckets}
      data-bucket-ms={w.bucketMs}
      data-from={w.from}
      data-to={w.to}
      data-points={data.length}
    >
      <LineChart
        responsive
        data={withGaps(data, series, w.bucketMs)}
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 8, bottom: 0, left: 4 }}
      >
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={[w.from, w.to]}
          allowDataOverflow
          ticks={rangeTicks(w.from, w.to, w.range)}
          tickFormatter={(v: number) => formatTick(v, w.range)}
          stroke={AXIS_COLOR}
          fontSize={11}
          tickLine={false}
          axisLine={false}
          minTickGap={24}
        />
        <YAxis
          domain={yDomain}
          tickFormatter={(v: number) => formatY(v)}
          stroke={AXIS_COLOR}
          fontSize={11}
          tickLine={false}
          axisLine={false}
          width={52}
          allowDataOverflow={false}
          label={unitLabel(unit)}
        />
        <Tooltip
          labelFormatter={(v) => formatPointTime(Number(v), w.range)}
          formatter={(v) => (typeof v === 'number' ? formatY(v) : String(v))}
          itemSorter={(item) => -(Number(item.value) || 0)}
          wrapperStyle={{ zIndex: 10 }}
          contentStyle={{ ...TOOLTIP_STYLE, padding: '6px 10px' }}
          labelStyle={TOOLTIP_LABEL_STYLE}
          itemStyle={{ padding: 0 }}
        />
        {legend && <Legend iconType="circle" iconSize={8} itemSorter={null} wrapperStyle={{ fontSize: 12 }} />}
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={1.75}
            dot={false}
            activeDot={{ r: 3 }}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
