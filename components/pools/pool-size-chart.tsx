'use client';

import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_COLOR, GRID_COLOR } from '@/components/charts/chart-colors';
import { RANGE_WORDS } from '@/components/charts/refetch';
import {
  formatPointTime,
  formatTick,
  rangeTicks,
  TOOLTIP_LABEL_STYLE,
  TOOLTIP_STYLE,
  withGaps,
  type ChartSeries,
} from '@/components/charts/time-axis';
import { Skeleton } from '@/components/ui/skeleton';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { PoolSamplesView } from './types';

/** Agents on the left axis, the backlog (often far larger) on its own axis on the right. */
const SIZE: ChartSeries = { key: 'size', label: 'Size', color: '#94a3b8' };
const AWAKE: ChartSeries = { key: 'awake', label: 'Awake', color: '#6366f1' };
const BUSY: ChartSeries = { key: 'busy', label: 'Busy', color: '#10b981' };
const BACKLOG: ChartSeries = { key: 'backlog', label: 'Backlog', color: '#f59e0b' };
const SERIES = [SIZE, AWAKE, BUSY, BACKLOG];
const UNITS: Record<string, string> = { size: 'agents', awake: 'agents', busy: 'agents', backlog: 'tasks' };

/**
 * Pool size, awake and busy agents against the backlog, one point per bucket (its peak). The
 * autoscaler samples at least every 5 s while it runs; a longer silence is drawn as a gap.
 */
export function PoolSizeChart({ view: v, height = 260 }: { view: PoolSamplesView; height?: number }) {
  const hydrated = useHydrated();
  if (!hydrated)
    return (
      <div style={{ height }}>
        <Skeleton className="h-full w-full" />
      </div>
    );
  const data = withGaps(
    v.points.map((s) => ({ at: s.at, size: s.size, awake: s.awake, busy: s.busy, backlog: s.backlog })),
    SERIES,
    v.bucketMs,
  );
  const ticks = rangeTicks(v.from, v.to, v.range);
  return (
    <div
      role="img"
      aria-label={`Pool size, awake and busy agents against the backlog over the last ${RANGE_WORDS[v.range]}`}
      style={{ height }}
      className="w-full min-w-0"
      data-chart-range={v.range}
      data-buckets={v.buckets}
      data-bucket-ms={v.bucketMs}
      data-from={v.from}
      data-to={v.to}
      data-points={v.points.length}
    >
      <ComposedChart
        responsive
        data={data}
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 0, bottom: 0, left: -8 }}
      >
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={[v.from, v.to]}
          allowDataOverflow
          ticks={ticks}
          tickFormatter={(t: number) => formatTick(t, v.range)}
          stroke={AXIS_COLOR}
          fontSize={11}
          tickLine={false}
          axisLine={false}
          minTickGap={24}
        />
        <YAxis
          yAxisId="agents"
          allowDecimals={false}
          domain={[0, 'auto']}
          stroke={AXIS_COLOR}
          fontSize={11}
          tickLine={false}
          axisLine={false}
          width={40}
          label={{ value: 'agents', angle: -90, position: 'insideLeft', offset: 16, fontSize: 11, fill: AXIS_COLOR }}
        />
        <YAxis
          yAxisId="backlog"
          orientation="right"
          allowDecimals={false}
          domain={[0, 'auto']}
          stroke={BACKLOG.color}
          fontSize={11}
          tickLine={false}
          axisLine={false}
          width={44}
          label={{
            value: 'backlog (tasks)',
            angle: 90,
            position: 'insideRight',
            offset: 12,
            fontSize: 11,
            fill: BACKLOG.color,
          }}
        />
        <Tooltip
          labelFormatter={(t) => formatPointTime(Number(t), v.range)}
          formatter={(value, _name, item) => `${String(value)} ${UNITS[String(item.dataKey)] ?? ''}`}
          contentStyle={{ ...TOOLTIP_STYLE, padding: '6px 10px' }}
          labelStyle={TOOLTIP_LABEL_STYLE}
          itemStyle={{ padding: 0 }}
          wrapperStyle={{ zIndex: 10 }}
        />
        <Legend iconType="circle" iconSize={8} itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
        <Area
          yAxisId="agents"
          dataKey={SIZE.key}
          name={SIZE.label}
          type="stepAfter"
          stroke={SIZE.color}
          fill={SIZE.color}
          fillOpacity={0.2}
          strokeWidth={1.5}
          isAnimationActive={false}
          dot={false}
          activeDot={false}
          connectNulls={false}
        />
        {[AWAKE, BUSY].map((s) => (
          <Line
            key={s.key}
            yAxisId="agents"
            dataKey={s.key}
            name={s.label}
            type="stepAfter"
            stroke={s.color}
            strokeWidth={1.75}
            dot={false}
            activeDot={{ r: 3 }}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
        <Line
          yAxisId="backlog"
          dataKey={BACKLOG.key}
          name={BACKLOG.label}
          type="stepAfter"
          stroke={BACKLOG.color}
          strokeWidth={1.75}
          strokeDasharray="5 3"
          dot={false}
          activeDot={{ r: 3 }}
          isAnimationActive={false}
          connectNulls={false}
        />
      </ComposedChart>
    </div>
  );
}
