'use client';

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_COLOR, GRID_COLOR } from '@/components/charts/chart-colors';
import { minuteTicks, TOOLTIP_STYLE, withGaps, type ChartSeries, type TimePoint } from '@/components/charts/time-axis';
import { formatClock, formatHourMinute } from '@/components/ui/format';
import { Skeleton } from '@/components/ui/skeleton';
import { useHydrated } from '@/components/ui/use-hydrated';

interface TimeLinesChartProps {
  data: TimePoint[];
  series: ChartSeries[];
  label: string;
  /** [from, to] of the x axis. */
  window: [number, number];
  yDomain?: [number, number | 'auto'];
  formatY: (v: number) => string;
  /** Legends of many series take more room than the chart; the tooltip names them anyway. */
  legend?: boolean;
  height?: number;
  /** Expected spacing of samples; a longer silence is drawn as a gap. */
  intervalMs?: number;
}

/** Levels over time as lines (not stacked); renders in the browser only, as it measures its box. */
export function TimeLinesChart({ data, series, label, window, yDomain = [0, 'auto'], formatY, legend = true, height = 240, intervalMs = 5000 }: TimeLinesChartProps) {
  const hydrated = useHydrated();
  if (!hydrated) return <div style={{ height }}><Skeleton className="h-full w-full" /></div>;
  return (
    <div role="img" aria-label={label} style={{ height }} className="w-full min-w-0">
      <LineChart responsive data={withGaps(data, series, intervalMs)} style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis dataKey="at" type="number" scale="time" domain={window} allowDataOverflow ticks={minuteTicks(window, 3)} tickFormatter={(v: number) => formatHourMinute(v)}
          stroke={AXIS_COLOR} fontSize={11} tickLine={false} axisLine={false} minTickGap={40} />
        <YAxis domain={yDomain} tickFormatter={(v: number) => formatY(v)} stroke={AXIS_COLOR} fontSize={11} tickLine={false} axisLine={false} width={48} allowDataOverflow={false} />
        <Tooltip labelFormatter={(v) => formatClock(Number(v))} formatter={(v) => (typeof v === 'number' ? formatY(v) : String(v))}
          itemSorter={(item) => -(Number(item.value) || 0)} wrapperStyle={{ zIndex: 10 }}
          contentStyle={{ ...TOOLTIP_STYLE, padding: '6px 10px' }}
          itemStyle={{ padding: 0 }} />
        {legend && <Legend iconType="circle" iconSize={8} itemSorter={null} wrapperStyle={{ fontSize: 12 }} />}
        {series.map((s) => (
          <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={1.75} dot={false} activeDot={{ r: 3 }} isAnimationActive={false} connectNulls={false} />
        ))}
      </LineChart>
    </div>
  );
}
