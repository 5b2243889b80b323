'use client';

import { Chip, ChipRow } from './chips';

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
    <ChipRow label={label}>
      {options.map((o) => (
        <Chip key={o} on={selected.includes(o)} onClick={() => toggle(o)} count={counts && (counts[o] ?? 0)}>
          {o}
        </Chip>
      ))}
      {selected.length > 0 && (
        <button
          type="button"
          onClick={() => onChange([])}
          className="text-xs text-slate-500 underline underline-offset-2 hover:text-slate-800 dark:hover:text-slate-200"
        >
          clear
        </button>
      )}
    </ChipRow>
  );
}
