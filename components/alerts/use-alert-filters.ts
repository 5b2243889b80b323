'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { alertFiltersToQuery, parseAlertFilters, type AlertFilters } from './alert-filters';

/** Filters live in the URL; replaceState updates it without a server round trip. */
export function useAlertFilters(): [AlertFilters, (next: AlertFilters) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const key = searchParams.toString();
  const filters = useMemo(() => parseAlertFilters(new URLSearchParams(key)), [key]);
  const setFilters = useCallback(
    (next: AlertFilters) => window.history.replaceState(null, '', `${pathname}${alertFiltersToQuery(next)}`),
    [pathname],
  );
  return [filters, setFilters];
}
