'use client';

import { Area, Bar, CartesianGrid, ComposedChart, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '@/components/ui/format';
import { Skeleton } from '@/components/ui/skeleton';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { TimeRange } from '@/server/core/metrics/time-range';
import { AXIS_COLOR, GRID_COLOR, unitLabel } from './chart-colors';
import {
  formatPointTime,
  formatTick,
  rangeTicks,
  TOOLTIP_LABEL_STYLE,
  TOOLTIP_STYLE,
  withGaps,
  type ChartSeries,
  type TimePoint,
} from './time-axis';

export type { ChartSeries } from './time-axis';

/** The x axis a chart shows: a range cut into buckets (as the server answered it). */
export interface ChartWindow {
  range: TimeRange;
  from: number;
  to: number;
  bucketMs: number;
  buckets: number;
}

interface TimeSeriesChartProps {
  data: TimePoint[];
  series: ChartSeries[];
  /** Stacked bars for counts per interval, stacked areas for levels. */
  variant: 'bar' | 'area';
  window: ChartWindow;
  /** The y axis's unit ("tasks/min", "tasks"). */
  unit: string;
  height?: number;
  label: string;
  digits?: number;
  /** A click on a bar: the bucket's start and the series clicked. */
  onBarClick?: (at: number, seriesKey: string) => void;
}

/** Time on x, stacked series on y; renders in the browser only (it measures its box). */
export function TimeSeriesChart({
  data,
  series,
  variant,
  window: w,
  unit,
  height = 240,
  label,
  digits = 1,
  onBarClick,
}: TimeSeriesChartProps) {
  const hydrated = useHydrated();
  if (!hydrated)
    return (
      <div style={{ height }}>
        <Skeleton className="h-full w-full" />
      </div>
    );
  const points = withGaps(data, series, w.bucketMs);
  const ticks = rangeTicks(w.from, w.to, w.range);
  const format = (v: number) => formatNumber(v, Number.isInteger(v) ? 0 : digits);
  return (
    <div
      role="img"
      aria-label={label}
      style={{ height }}
      className={`w-full min-w-0 ${onBarClick ? '[&_.recharts-bar-rectangle]:cursor-pointer' : ''}`}
      data-chart-range={w.range}
      data-buckets={w.buckets}
      data-bucket-ms={w.bucketMs}
      data-from={w.from}
      data-to={w.to}
      data-points={data.length}
    >
      <ComposedChart
        responsive
        data={points}
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 8, bottom: 0, left: 4 }}
        barCategoryGap={0}
      >
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={[w.from, w.to]}
          allowDataOverflow
          padding={variant === 'bar' ? { left: 4, right: 4 } : undefined}
          ticks={ticks}
          tickFormatter={(v: number) => formatTick(v, w.range)}
          stroke={AXIS_COLOR}
          fontSize={11}
          tickLine={false}
          axisLine={false}
          minTickGap={24}
        />
        <YAxis
          allowDecimals={false}
          stroke={AXIS_COLOR}
          fontSize={11}
          tickLine={false}
          axisLine={false}
          width={52}
          tickFormatter={format}
          label={unitLabel(unit)}
        />
        <Tooltip
          labelFormatter={(v) => formatPointTime(Number(v), w.range)}
          formatter={(v) => (typeof v === 'number' ? `${format(v)} ${unit}` : String(v))}
          cursor={{ fill: 'rgba(148,163,184,0.15)' }}
          contentStyle={TOOLTIP_STYLE}
          labelStyle={TOOLTIP_LABEL_STYLE}
          wrapperStyle={{ zIndex: 10 }}
        />
        {series.length > 1 && (
          <Legend iconType="circle" iconSize={8} itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
        )}
        {series.map((s) =>
          variant === 'bar' ? (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="1"
              fill={s.color}
              isAnimationActive={false}
              onClick={
                onBarClick ? (d) => onBarClick(Number((d as { payload?: TimePoint }).payload?.at), s.key) : undefined
              }
            />
          ) : (
            <Area
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="1"
              type="monotone"
              stroke="none"
              fill={s.color}
              fillOpacity={0.55}
              isAnimationActive={false}
              dot={false}
              activeDot={false}
            />
          ),
        )}
      </ComposedChart>
    </div>
  );
}
