'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_COLOR, GRID_COLOR } from '@/components/charts/chart-colors';
import { TOOLTIP_LABEL_STYLE, TOOLTIP_STYLE } from '@/components/charts/time-axis';
import { Skeleton } from '@/components/ui/skeleton';
import { useHydrated } from '@/components/ui/use-hydrated';
import { truncateMiddle } from './heatmap-colors';
import { seriesColor } from './palette';
import type { BalancingDecision } from './types';

type Candidate = BalancingDecision['candidates'][number];

const NAME_CHARS = 14;
const round = (n: number) => Math.round(n * 1000) / 1000;
// A no-break space: the axis wraps its labels at spaces.
const WINNER = '✓\u00a0';
// Both ends kept: fleet names often differ only in a trailing number.
const short = (name: string) => truncateMiddle(name, NAME_CHARS);
const tick = (v: string) => (v.startsWith(WINNER) ? WINNER + short(v.slice(WINNER.length)) : short(v));

/** True when each candidate's terms add up to its score (composite); otherwise they are not parts of it. */
export function termsSumToScore(candidates: Candidate[]): boolean {
  return candidates.every((c) => {
    const values = Object.values(c.terms);
    return (
      values.length > 0 &&
      Math.abs(values.reduce((s, v) => s + v, 0) - c.score) <= 0.01 * Math.max(1, Math.abs(c.score))
    );
  });
}

/**
 * One horizontal bar per candidate, best first: its score split into the terms it is made of,
 * or the bare score when the strategy's terms are not parts of the score (round-robin's position).
 */
export function ScoreTermsChart({ candidates, winnerAgentId }: { candidates: Candidate[]; winnerAgentId: string }) {
  const hydrated = useHydrated();
  const stacked = termsSumToScore(candidates);
  const terms = stacked ? [...new Set(candidates.flatMap((c) => Object.keys(c.terms)))] : [];
  // Keys by index: a term name is never a Recharts path by accident.
  const series = stacked
    ? terms.map((t, i) => ({ key: `t${i}`, label: t, color: seriesColor(i) }))
    : [{ key: 'score', label: 'score', color: seriesColor(0) }];
  const rows = candidates.map((c) => ({
    name: c.agentId === winnerAgentId ? `${WINNER}${c.agentName}` : c.agentName,
    ...(stacked
      ? Object.fromEntries(terms.map((t, i) => [`t${i}`, round(c.terms[t] ?? 0)]))
      : { score: round(c.score) }),
  }));
  const scores = new Map(rows.map((r, i) => [r.name, candidates[i].score]));
  const height = Math.max(120, rows.length * 26 + (series.length > 1 ? 64 : 32));
  if (!hydrated)
    return (
      <div style={{ height }}>
        <Skeleton className="h-full w-full" />
      </div>
    );
  return (
    <div
      role="img"
      aria-label="Score terms per candidate"
      style={{ height }}
      className="w-full min-w-0"
      data-testid="score-terms-chart"
    >
      <BarChart
        responsive
        layout="vertical"
        data={rows}
        stackOffset="sign"
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
        barCategoryGap={5}
      >
        <CartesianGrid stroke={GRID_COLOR} horizontal={false} />
        <XAxis type="number" stroke={AXIS_COLOR} fontSize={11} tickLine={false} axisLine={false} />
        <YAxis
          type="category"
          dataKey="name"
          width={120}
          interval={0}
          stroke={AXIS_COLOR}
          fontSize={11}
          tickLine={false}
          axisLine={false}
          tickFormatter={tick}
        />
        <Tooltip
          cursor={{ fill: 'rgba(148,163,184,0.15)' }}
          wrapperStyle={{ zIndex: 10 }}
          labelFormatter={(name) => `${name} · score ${round(scores.get(String(name)) ?? 0)}`}
          contentStyle={{ ...TOOLTIP_STYLE, padding: '6px 10px' }}
          labelStyle={TOOLTIP_LABEL_STYLE}
          itemStyle={{ padding: 0 }}
        />
        {series.length > 1 && (
          <Legend iconType="circle" iconSize={8} itemSorter={null} wrapperStyle={{ fontSize: 11 }} />
        )}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="score" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
