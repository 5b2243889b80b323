'use client';

import { Area, Bar, CartesianGrid, ComposedChart, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatClock, formatHourMinute } from '@/components/ui/format';
import { Skeleton } from '@/components/ui/skeleton';
import { useHydrated } from '@/components/ui/use-hydrated';
import { AXIS_COLOR, GRID_COLOR } from './chart-colors';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

type Point = { at: number } & Record<string, number | null>;

interface TimeSeriesChartProps {
  data: Point[];
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
          contentStyle={{ borderRadius: 8, border: '1px solid #e2e8f0', fontSize: 12, color: '#0f172a', boxShadow: '0 4px 12px rgba(15,23,42,0.08)' }} />
        <Legend iconType="circle" iconSize={8} itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => variant === 'bar'
          ? <Bar key={s.key} dataKey={s.key} name={s.label} stackId="1" fill={s.color} isAnimationActive={false} />
          : <Area key={s.key} dataKey={s.key} name={s.label} stackId="1" type="monotone" stroke="none" fill={s.color}
              fillOpacity={0.55} isAnimationActive={false} dot={false} activeDot={false} />)}
      </ComposedChart>
    </div>
  );
}

/** Tick marks on whole multiples of `everyMin` minutes inside the window. */
function minuteTicks([from, to]: [number, number], everyMin: number): number[] {
  const step = everyMin * 60_000;
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) out.push(t);
  return out;
}

/** Inserts an empty point where samples are missing (server down), so nothing is interpolated across it. */
function withGaps(data: Point[], series: ChartSeries[], intervalMs: number): Point[] {
  const out: Point[] = [];
  const empty = Object.fromEntries(series.map((s) => [s.key, null]));
  for (let i = 0; i < data.length; i++) {
    const prev = data[i - 1];
    if (prev && data[i].at - prev.at > intervalMs * 2.5) out.push({ ...empty, at: prev.at + intervalMs } as Point);
    out.push(data[i]);
  }
  return out;
}
