'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_COLOR, GRID_COLOR } from '@/components/charts/chart-colors';
import { ChartLinks } from '@/components/charts/chart-links';
import { TOOLTIP_LABEL_STYLE, TOOLTIP_STYLE } from '@/components/charts/time-axis';
import type { ChartSeries } from '@/components/charts/time-series-chart';
import { formatNumber } from '@/components/ui/format';
import { Skeleton } from '@/components/ui/skeleton';
import { useHydrated } from '@/components/ui/use-hydrated';
import { distinctLabels } from './heatmap-colors';

export type AgentBarRow = { name: string; agentId?: string | null } & Record<
  string,
  number | string | null | undefined
>;

interface AgentBarsChartProps {
  rows: AgentBarRow[];
  /** One bar per series and agent, side by side. */
  series: ChartSeries[];
  label: string;
  /** The value axis's unit ("tasks"). */
  unit: string;
  legend?: boolean;
}

const NAME_CHARS = 16;

/** A horizontal bar per agent (names on the left read on a phone); a bar opens its agent. Full names in the tooltip. */
export function AgentBarsChart({ rows, series, label, unit, legend = series.length > 1 }: AgentBarsChartProps) {
  const hydrated = useHydrated();
  const router = useRouter();
  const height = Math.max(120, rows.length * (series.length * 10 + 14) + (legend ? 72 : 48));
  if (!hydrated)
    return (
      <div style={{ height }}>
        <Skeleton className="h-full w-full" />
      </div>
    );
  // Keyed by index: the axis shows a short distinct label, the tooltip the full name.
  const labels = distinctLabels(
    rows.map((r) => r.name),
    NAME_CHARS,
  );
  const data = rows.map((r, i) => ({ ...r, key: String(i) }));
  const open = (d: unknown) => {
    const id = (d as { payload?: AgentBarRow }).payload?.agentId;
    if (id) router.push(`/agents/${id}`);
  };
  const links = rows
    .filter((r) => r.agentId)
    .map((r) => ({
      href: `/agents/${r.agentId}`,
      label: `${r.name}: ${series.map((s) => `${s.label.toLowerCase()} ${formatNumber(Number(r[s.key] ?? 0))}`).join(', ')} ${unit}; open agent`,
    }));
  return (
    <>
      <div
        role="img"
        aria-label={label}
        style={{ height }}
        className="w-full min-w-0 [&_.recharts-bar-rectangle]:cursor-pointer"
        data-rows={rows.length}
      >
        <BarChart
          responsive
          layout="vertical"
          data={data}
          style={{ width: '100%', height: '100%' }}
          margin={{ top: 4, right: 12, bottom: 12, left: 0 }}
          barGap={1}
          barCategoryGap={4}
        >
          <CartesianGrid stroke={GRID_COLOR} horizontal={false} />
          <XAxis
            type="number"
            allowDecimals={false}
            stroke={AXIS_COLOR}
            fontSize={11}
            tickLine={false}
            axisLine={false}
            tickFormatter={(v: number) => formatNumber(v)}
            label={{
              value: unit,
              position: 'insideBottomRight',
              offset: -8,
              style: { fontSize: 11, fill: AXIS_COLOR },
            }}
          />
          <YAxis
            type="category"
            dataKey="key"
            width={120}
            interval={0}
            stroke={AXIS_COLOR}
            fontSize={11}
            tickLine={false}
            axisLine={false}
            tickFormatter={(v: string) => labels[Number(v)] ?? ''}
          />
          <Tooltip
            cursor={{ fill: 'rgba(148,163,184,0.15)' }}
            formatter={(v) => `${formatNumber(Number(v))} ${unit}`}
            labelFormatter={(v) => rows[Number(v)]?.name ?? ''}
            contentStyle={TOOLTIP_STYLE}
            labelStyle={TOOLTIP_LABEL_STYLE}
            wrapperStyle={{ zIndex: 10 }}
          />
          {legend && <Legend iconType="circle" iconSize={8} itemSorter={null} wrapperStyle={{ fontSize: 12 }} />}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              radius={[0, 3, 3, 0]}
              isAnimationActive={false}
              onClick={open}
            />
          ))}
        </BarChart>
      </div>
      <ChartLinks label={`${label}: the agents as links`} links={links} />
    </>
  );
}
