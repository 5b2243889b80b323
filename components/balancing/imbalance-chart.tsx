'use client';

import { EmptyState } from '@/components/ui/empty-state';
import { formatNumber } from '@/components/ui/format';
import { IMBALANCE_COLOR } from './palette';
import { TimeLinesChart } from './time-lines-chart';
import type { DistributionData } from './types';

const SERIES = [{ key: 'imbalance', label: 'Imbalance', color: IMBALANCE_COLOR }];

/** The imbalance index at every 5 s sample; lower is more even. */
export function ImbalanceChart({ distribution }: { distribution: DistributionData }) {
  const { series, at, windowMs } = distribution;
  if (!series.some((p) => p.imbalance != null)) return <EmptyState title="Collecting samples">The server records the imbalance every 5 seconds; the first points appear shortly.</EmptyState>;
  const data = series.map((p) => ({ at: p.at, imbalance: p.imbalance }));
  return <TimeLinesChart data={data} series={SERIES} window={[at - windowMs, at]} formatY={(v) => formatNumber(v, 2)} legend={false} label="Imbalance index over the window" />;
}
