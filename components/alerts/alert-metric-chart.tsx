'use client';

import { Area, CartesianGrid, ComposedChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_COLOR, GRID_COLOR } from '@/components/charts/chart-colors';
import { TOOLTIP_LABEL_STYLE, TOOLTIP_STYLE } from '@/components/charts/time-axis';
import { formatClock, formatNumber } from '@/components/ui/format';
import { Skeleton } from '@/components/ui/skeleton';
import { useHydrated } from '@/components/ui/use-hydrated';

const COLORS: Record<string, string> = { critical: '#ef4444', warning: '#f59e0b', info: '#0ea5e9' };

interface AlertMetricChartProps {
  samples: { at: number; value: number }[];
  severity: string;
  /** The rule's threshold, drawn as a dashed line. */
  threshold?: number | null;
  /** When it started firing, marked on the time axis. */
  firingAt?: number | null;
  unit?: string;
  height?: number;
}

/** The rule's reading at each evaluation while the alert was open, around the moment it fired. */
export function AlertMetricChart({
  samples,
  severity,
  threshold,
  firingAt,
  unit = '',
  height = 180,
}: AlertMetricChartProps) {
  const hydrated = useHydrated();
  if (!hydrated)
    return (
      <div style={{ height }}>
        <Skeleton className="h-full w-full" />
      </div>
    );
  const color = COLORS[severity] ?? '#6366f1';
  const from = samples[0]?.at ?? 0;
  const to = samples[samples.length - 1]?.at ?? 0;
  return (
    <div
      role="img"
      aria-label={`The rule's reading over time, ${samples.length} samples`}
      style={{ height }}
      className="w-full min-w-0"
      data-points={samples.length}
    >
      <ComposedChart
        responsive
        data={samples}
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 8, bottom: 0, left: -8 }}
      >
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={[from, to]}
          tickFormatter={(t: number) => formatClock(t)}
          stroke={AXIS_COLOR}
          fontSize={11}
          tickLine={false}
          axisLine={false}
          minTickGap={40}
        />
        <YAxis domain={[0, 'auto']} stroke={AXIS_COLOR} fontSize={11} tickLine={false} axisLine={false} width={44} />
        <Tooltip
          labelFormatter={(t) => formatClock(Number(t))}
          formatter={(value) => [`${formatNumber(Number(value), 2)}${unit ? ` ${unit}` : ''}`, 'value']}
          contentStyle={{ ...TOOLTIP_STYLE, padding: '6px 10px' }}
          labelStyle={TOOLTIP_LABEL_STYLE}
          itemStyle={{ padding: 0 }}
          wrapperStyle={{ zIndex: 10 }}
        />
        {threshold != null && <ReferenceLine y={threshold} stroke={AXIS_COLOR} strokeDasharray="4 3" />}
        {firingAt != null && firingAt >= from && firingAt <= to && (
          <ReferenceLine
            x={firingAt}
            stroke={color}
            strokeDasharray="2 2"
            label={{ value: 'firing', position: 'insideTopLeft', fontSize: 10, fill: color }}
          />
        )}
        <Area
          dataKey="value"
          type="stepAfter"
          stroke={color}
          fill={color}
          fillOpacity={0.15}
          strokeWidth={1.75}
          isAnimationActive={false}
          dot={false}
          activeDot={{ r: 3 }}
        />
      </ComposedChart>
    </div>
  );
}
