'use client';

import { formatClock, formatDateTime, formatUtcClock } from './format';
import { useHydrated } from './use-hydrated';

/** A time of day in the reader's zone (UTC until hydrated, so server and browser render alike). */
export function ClockTime({ at }: { at: number }) {
  const hydrated = useHydrated();
  return (
    <time dateTime={new Date(at).toISOString()} title={hydrated ? formatDateTime(at) : undefined}>
      {hydrated ? formatClock(at) : formatUtcClock(at)}
    </time>
  );
}
