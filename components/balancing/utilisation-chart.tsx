'use client';

import { EmptyState } from '@/components/ui/empty-state';
import { formatPercent } from '@/components/ui/format';
import { seriesColor } from './palette';
import { TimeLinesChart } from './time-lines-chart';
import type { DistributionData } from './types';

const LEGEND_MAX = 8;

/** Each agent's share of its slots in use at every 5 s sample (the busiest agents only). */
export function UtilisationChart({ distribution }: { distribution: DistributionData }) {
  const { series, at, windowMs } = distribution;
  // Busiest on average first; keys by index, since an agent name may hold a dot (a path to Recharts).
  const totals = new Map<string, number>();
  for (const p of series) for (const [name, u] of Object.entries(p.utilisation)) totals.set(name, (totals.get(name) ?? 0) + u);
  const names = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
  if (!names.length) return <EmptyState title="Collecting samples">The server records utilisation every 5 seconds; lines appear once agents are connected.</EmptyState>;
  const lines = names.map((name, i) => ({ key: `a${i}`, label: name, color: seriesColor(i) }));
  const data = series.map((p) => ({ at: p.at, ...Object.fromEntries(names.map((name, i) => [`a${i}`, p.utilisation[name] ?? null])) }));
  return (
    <TimeLinesChart data={data} series={lines} window={[at - windowMs, at]} yDomain={[0, 1]} formatY={(v) => formatPercent(v)}
      legend={lines.length <= LEGEND_MAX} label="Utilisation per agent over the window" />
  );
}
