import type { ReactNode } from 'react';

interface ComparisonStatProps {
  label: string;
  recorded: number;
  replayed: number;
  format: (n: number) => string;
  testId?: string;
  hint?: ReactNode;
}

/** Recorded beside replayed for a lower-is-better measure; the replayed value is green when it improves. */
export function ComparisonStat({ label, recorded, replayed, format, testId, hint }: ComparisonStatProps) {
  const tone =
    replayed < recorded
      ? 'text-emerald-700 dark:text-emerald-400'
      : replayed > recorded
        ? 'text-red-700 dark:text-red-400'
        : 'text-slate-900 dark:text-slate-50';
  return (
    <div data-testid={testId} className="min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</p>
      <dl className="mt-1 grid grid-cols-2 gap-2">
        <div className="min-w-0">
          <dt className="text-[11px] text-slate-500 dark:text-slate-400">recorded</dt>
          <dd
            className="truncate text-lg font-semibold tabular-nums text-slate-700 dark:text-slate-200"
            data-testid={testId && `${testId}-recorded`}
          >
            {format(recorded)}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-[11px] text-slate-500 dark:text-slate-400">replayed</dt>
          <dd
            className={`truncate text-lg font-semibold tabular-nums ${tone}`}
            data-testid={testId && `${testId}-replayed`}
          >
            {format(replayed)}
          </dd>
        </div>
      </dl>
      {hint && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
    </div>
  );
}
