'use client';

import { formatHourMinute } from '@/components/ui/format';
import { useHydrated } from '@/components/ui/use-hydrated';

const sameDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b - 1).toDateString();
const dayOf = (at: number) =>
  new Date(at).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/** The finish-time window a chart click set ("Finished 14:05–14:10"), removable. */
export function TimeWindowChip({
  since,
  until,
  onClear,
}: {
  since: number | null;
  until: number | null;
  onClear: () => void;
}) {
  // Local times: rendered in the browser only, as the server may sit in another time zone.
  const hydrated = useHydrated();
  if (!hydrated || (since === null && until === null)) return null;
  const from = since === null ? '…' : formatHourMinute(since);
  const to = until === null ? 'now' : formatHourMinute(until);
  // Over a day (the 7-day chart's buckets span half-hours, but a hand-written URL may span days) the date is needed.
  const day =
    since !== null && until !== null && !sameDay(since, until)
      ? `${dayOf(since)} `
      : since !== null && !sameDay(since, Date.now())
        ? `${dayOf(since)} `
        : '';
  const label = `Finished ${day}${from}–${to}`;
  return (
    <span
      data-testid="time-window-chip"
      className="inline-flex max-w-full items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-0.5 pl-3 pr-1 text-xs font-medium text-indigo-700 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
      title={`${since === null ? '' : new Date(since).toLocaleString()} – ${until === null ? 'now' : new Date(until).toLocaleString()}`}
    >
      <span className="truncate">{label}</span>
      <button
        type="button"
        onClick={onClear}
        aria-label={`Remove filter: ${label}`}
        className="rounded-full px-1.5 leading-5 hover:bg-indigo-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:hover:bg-indigo-900"
      >
        ×
      </button>
    </span>
  );
}
