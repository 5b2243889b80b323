'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import type { TimeRange } from '@/server/core/metrics/time-range';
import { parseRange } from './range-param';

/** The chart range lives in the URL (shareable, survives a reload); replaceState spares a server round trip. */
export function useTimeRange(fallback: TimeRange = '15m'): [TimeRange, (next: TimeRange) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const range = parseRange(searchParams, fallback);
  const setRange = useCallback(
    (next: TimeRange) => {
      const p = new URLSearchParams(searchParams.toString());
      if (next === fallback) p.delete('range');
      else p.set('range', next);
      const q = p.toString();
      window.history.replaceState(null, '', `${pathname}${q ? `?${q}` : ''}`);
    },
    [searchParams, pathname, fallback],
  );
  return [range, setRange];
}
