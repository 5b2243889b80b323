'use client';

import { Area, Bar, CartesianGrid, ComposedChart, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatClock, formatHourMinute } from '@/components/ui/format';
import { Skeleton } from '@/components/ui/skeleton';
import { useHydrated } from '@/components/ui/use-hydrated';
import { AXIS_COLOR, GRID_COLOR } from './chart-colors';
import { minuteTicks, TOOLTIP_STYLE, withGaps, type ChartSeries, type TimePoint } from './time-axis';

export type { ChartSeries } from './time-axis';

interface TimeSeriesChartProps {
  data: TimePoint[];
  series: ChartSeries[];
  /** Stacked bars for counts per interval, stacked areas for levels. */
  variant: 'bar' | 'area';
  /** Expected spacing of samples; a longer silence is drawn as a gap, not a slope. */
  intervalMs?: number;
  height?: number;
  label: string;
  /** Fixed time window [from, to]; defaults to the data's own extent. */
  window?: [number, number];
}

/** Time on x, stacked series on y; renders in the browser only (it measures its box). */
export function TimeSeriesChart({ data, series, variant, intervalMs = 5000, height = 240, label, window }: TimeSeriesChartProps) {
  const hydrated = useHydrated();
  if (!hydrated) return <div style={{ height }}><Skeleton className="h-full w-full" /></div>;
  const points = withGaps(data, series, intervalMs);
  const ticks = window ? minuteTicks(window, 3) : undefined;
  return (
    <div role="img" aria-label={label} style={{ height }} className="w-full min-w-0">
      <ComposedChart responsive data={points} style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barCategoryGap={0}>
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis dataKey="at" type="number" scale="time" domain={window ?? ['dataMin', 'dataMax']} allowDataOverflow padding={variant === 'bar' ? { left: 4, right: 4 } : undefined} ticks={ticks} tickFormatter={(v: number) => (ticks ? formatHourMinute(v) : formatClock(v))}
          stroke={AXIS_COLOR} fontSize={11} tickLine={false} axisLine={false} minTickGap={48} />
        <YAxis allowDecimals={false} stroke={AXIS_COLOR} fontSize={11} tickLine={false} axisLine={false} width={48} />
        <Tooltip labelFormatter={(v) => formatClock(Number(v))} cursor={{ fill: 'rgba(148,163,184,0.15)' }}
          contentStyle={TOOLTIP_STYLE} />
        <Legend iconType="circle" iconSize={8} itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => variant === 'bar'
          ? <Bar key={s.key} dataKey={s.key} name={s.label} stackId="1" fill={s.color} isAnimationActive={false} />
          : <Area key={s.key} dataKey={s.key} name={s.label} stackId="1" type="monotone" stroke="none" fill={s.color}
              fillOpacity={0.55} isAnimationActive={false} dot={false} activeDot={false} />)}
      </ComposedChart>
    </div>
  );
}
