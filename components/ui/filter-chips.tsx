'use client';

interface FilterChipsProps<T extends string> {
  label: string;
  options: readonly T[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  counts?: Partial<Record<T, number>>;
}

/** Toggle buttons for a multi-value filter; nothing selected means "all". */
export function FilterChips<T extends string>({ label, options, selected, onChange, counts }: FilterChipsProps<T>) {
  const toggle = (v: T) => onChange(selected.includes(v) ? selected.filter((s) => s !== v) : [...selected, v]);
  return (
    <div role="group" aria-label={label} className="flex min-w-0 flex-wrap items-center gap-1.5">
      <span className="mr-1 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {label}
      </span>
      {options.map((o) => {
        const on = selected.includes(o);
        return (
          <button
            key={o}
            type="button"
            aria-pressed={on}
            onClick={() => toggle(o)}
            className={`rounded-full border px-2.5 py-0.5 text-xs font-medium transition-colors ${
              on
                ? 'border-indigo-600 bg-indigo-600 text-white'
                : 'border-slate-300 bg-white text-slate-600 hover:border-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300'
            }`}
          >
            {o}
            {counts && (
              <span className={`ml-1 tabular-nums ${on ? 'text-indigo-100' : 'text-slate-400'}`}>{counts[o] ?? 0}</span>
            )}
          </button>
        );
      })}
      {selected.length > 0 && (
        <button
          type="button"
          onClick={() => onChange([])}
          className="text-xs text-slate-500 underline underline-offset-2 hover:text-slate-800 dark:hover:text-slate-200"
        >
          clear
        </button>
      )}
    </div>
  );
}
