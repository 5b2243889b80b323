'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_COLOR, GRID_COLOR } from '@/components/charts/chart-colors';
import type { ChartSeries } from '@/components/charts/time-series-chart';
import { formatNumber } from '@/components/ui/format';
import { Skeleton } from '@/components/ui/skeleton';
import { useHydrated } from '@/components/ui/use-hydrated';

export type AgentBarRow = { name: string } & Record<string, number | string>;

interface AgentBarsChartProps {
  rows: AgentBarRow[];
  /** One bar per series and agent, side by side. */
  series: ChartSeries[];
  label: string;
  legend?: boolean;
}

const NAME_CHARS = 15;

/** A horizontal bar per agent (names on the left read on a phone, and any number of agents fit by growing down). */
export function AgentBarsChart({ rows, series, label, legend = series.length > 1 }: AgentBarsChartProps) {
  const hydrated = useHydrated();
  const height = Math.max(120, rows.length * (series.length * 10 + 14) + (legend ? 56 : 32));
  if (!hydrated) return <div style={{ height }}><Skeleton className="h-full w-full" /></div>;
  return (
    <div role="img" aria-label={label} style={{ height }} className="w-full min-w-0">
      <BarChart responsive layout="vertical" data={rows} style={{ width: '100%', height: '100%' }} margin={{ top: 4, right: 12, bottom: 0, left: 0 }} barGap={1} barCategoryGap={4}>
        <CartesianGrid stroke={GRID_COLOR} horizontal={false} />
        <XAxis type="number" allowDecimals={false} stroke={AXIS_COLOR} fontSize={11} tickLine={false} axisLine={false} tickFormatter={(v: number) => formatNumber(v)} />
        <YAxis type="category" dataKey="name" width={120} interval={0} stroke={AXIS_COLOR} fontSize={11} tickLine={false} axisLine={false}
          tickFormatter={(v: string) => (v.length > NAME_CHARS ? `${v.slice(0, NAME_CHARS - 1)}…` : v)} />
        <Tooltip cursor={{ fill: 'rgba(148,163,184,0.15)' }} formatter={(v) => formatNumber(Number(v))}
          contentStyle={{ borderRadius: 8, border: '1px solid #e2e8f0', fontSize: 12, color: '#0f172a', boxShadow: '0 4px 12px rgba(15,23,42,0.08)' }} />
        {legend && <Legend iconType="circle" iconSize={8} itemSorter={null} wrapperStyle={{ fontSize: 12 }} />}
        {series.map((s) => <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} radius={[0, 3, 3, 0]} isAnimationActive={false} />)}
      </BarChart>
    </div>
  );
}
