'use client';

import { EmptyState } from '@/components/ui/empty-state';
import { formatNumber } from '@/components/ui/format';
import { IMBALANCE_COLOR } from './palette';
import { TimeLinesChart } from './time-lines-chart';
import type { DistributionData } from './types';

const SERIES = [{ key: 'imbalance', label: 'Imbalance', color: IMBALANCE_COLOR }];

/** The imbalance index (mean per bucket) over the range; lower is more even. */
export function ImbalanceChart({ distribution }: { distribution: DistributionData }) {
  const s = distribution.imbalanceSeries;
  if (!s.points.some((p) => p.imbalance != null))
    return (
      <EmptyState title="Collecting samples">
        The server records the imbalance every 5 seconds; the first points appear shortly.
      </EmptyState>
    );
  const data = s.points.map((p) => ({ at: p.at, imbalance: p.imbalance }));
  return (
    <TimeLinesChart
      data={data}
      series={SERIES}
      window={{ ...s, range: distribution.range }}
      unit="CV"
      formatY={(v) => formatNumber(v, 2)}
      label="Imbalance index over the chosen range"
    />
  );
}
