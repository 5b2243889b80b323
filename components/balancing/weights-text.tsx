import { Fragment } from 'react';
import { formatNumber } from '@/components/ui/format';

/** Weights as `load 3 · health 1`; an empty set means the strategy's defaults. */
export function WeightsText({ weights, empty = 'defaults' }: { weights: Record<string, number>; empty?: string }) {
  const entries = Object.entries(weights);
  if (!entries.length) return <span className="text-slate-400">{empty}</span>;
  return (
    <span className="font-mono text-xs text-slate-600 dark:text-slate-300">
      {entries.map(([k, v], i) => (
        <Fragment key={k}>
          {i > 0 && <span className="text-slate-300 dark:text-slate-600"> · </span>}
          <span className="whitespace-nowrap">
            {k} {formatNumber(v, 4)}
          </span>
        </Fragment>
      ))}
    </span>
  );
}
