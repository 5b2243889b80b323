interface ScoreTermsProps {
  terms: Record<string, number>;
}

/** Each term of a candidate's score; terms within 0..1 get a small bar. */
export function ScoreTerms({ terms }: ScoreTermsProps) {
  const entries = Object.entries(terms);
  if (!entries.length) return <span className="text-xs text-slate-400">—</span>;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1.5">
      {entries.map(([name, value]) => (
        <li key={name} className="min-w-28 text-xs">
          <div className="flex justify-between gap-2">
            <span className="text-slate-500 dark:text-slate-400">{name}</span>
            <span className="tabular-nums font-medium text-slate-700 dark:text-slate-200">{round(value)}</span>
          </div>
          {value >= 0 && value <= 1 && (
            <div className="mt-0.5 h-1 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800">
              <div className="h-full rounded-full bg-sky-500" style={{ width: `${value * 100}%` }} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

const round = (n: number) => Math.round(n * 1000) / 1000;
