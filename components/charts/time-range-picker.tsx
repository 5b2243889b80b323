'use client';

import { useRef, type KeyboardEvent } from 'react';
import { TIME_RANGES, type TimeRange } from '@/server/core/metrics/time-range';

const LABELS: Record<TimeRange, string> = { '15m': '15 min', '1h': '1 h', '6h': '6 h', '24h': '24 h', '7d': '7 d' };

/** Segmented buttons choosing the charts' time range; arrow keys move between them. */
export function TimeRangePicker({
  value,
  onChange,
  label = 'Time range of the charts',
}: {
  value: TimeRange;
  onChange: (r: TimeRange) => void;
  label?: string;
}) {
  const group = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = TIME_RANGES[(TIME_RANGES.indexOf(value) + step + TIME_RANGES.length) % TIME_RANGES.length];
    onChange(next);
    group.current?.querySelector<HTMLButtonElement>(`[data-range="${next}"]`)?.focus();
  };
  return (
    <div
      ref={group}
      role="group"
      aria-label={label}
      data-testid="time-range-picker"
      className="inline-flex shrink-0 overflow-hidden rounded-md border border-slate-300 text-xs dark:border-slate-700"
    >
      {TIME_RANGES.map((r) => (
        <button
          key={r}
          type="button"
          data-range={r}
          aria-pressed={r === value}
          onClick={() => onChange(r)}
          onKeyDown={onKeyDown}
          className={`px-2.5 py-1 font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 ${
            r === value
              ? 'bg-indigo-600 text-white'
              : 'bg-white text-slate-600 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-slate-800'
          }`}
        >
          {LABELS[r]}
        </button>
      ))}
    </div>
  );
}
