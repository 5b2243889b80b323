'use client';

import type { ReactNode } from 'react';

/** A labelled row of chips (a filter or a choice). */
export function ChipRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="flex min-w-0 flex-wrap items-center gap-1.5">
      <span className="mr-1 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {label}
      </span>
      {children}
    </div>
  );
}

interface ChipProps {
  on: boolean;
  onClick: () => void;
  /** Shown after the text when given. */
  count?: number;
  children: ReactNode;
}

/** A pressed/unpressed pill button. */
export function Chip({ on, onClick, count, children }: ChipProps) {
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={onClick}
      className={`rounded-full border px-2.5 py-0.5 text-xs font-medium transition-colors ${
        on
          ? 'border-indigo-600 bg-indigo-600 text-white'
          : 'border-slate-300 bg-white text-slate-600 hover:border-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300'
      }`}
    >
      {children}
      {count != null && (
        <span className={`ml-1 tabular-nums ${on ? 'text-indigo-100' : 'text-slate-400'}`}>{count}</span>
      )}
    </button>
  );
}
