'use client';

interface SegmentedChoiceProps<T extends string> {
  label: string;
  options: readonly T[];
  value: T;
  onChange: (next: T) => void;
  counts?: Partial<Record<T, number>>;
}

/** One of a few values, as a row of pressed/unpressed buttons. */
export function SegmentedChoice<T extends string>({
  label,
  options,
  value,
  onChange,
  counts,
}: SegmentedChoiceProps<T>) {
  return (
    <div role="group" aria-label={label} className="flex min-w-0 flex-wrap items-center gap-1.5">
      <span className="mr-1 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {label}
      </span>
      {options.map((o) => {
        const on = o === value;
        return (
          <button
            key={o}
            type="button"
            aria-pressed={on}
            onClick={() => onChange(o)}
            className={`rounded-full border px-2.5 py-0.5 text-xs font-medium transition-colors ${
              on
                ? 'border-indigo-600 bg-indigo-600 text-white'
                : 'border-slate-300 bg-white text-slate-600 hover:border-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300'
            }`}
          >
            {o}
            {counts?.[o] != null && (
              <span className={`ml-1 tabular-nums ${on ? 'text-indigo-100' : 'text-slate-400'}`}>{counts[o]}</span>
            )}
          </button>
        );
      })}
    </div>
  );
}
