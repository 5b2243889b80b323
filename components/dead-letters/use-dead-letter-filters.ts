'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { deadLetterFiltersToQuery, parseDeadLetterFilters, type DeadLetterFilters } from './dead-letter-filters';

/** Filters live in the URL; replaceState updates it without a server round trip. */
export function useDeadLetterFilters(): [DeadLetterFilters, (next: DeadLetterFilters) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const key = searchParams.toString();
  const filters = useMemo(() => parseDeadLetterFilters(new URLSearchParams(key)), [key]);
  const setFilters = useCallback(
    (next: DeadLetterFilters) => {
      window.history.replaceState(null, '', `${pathname}${deadLetterFiltersToQuery(next)}`);
    },
    [pathname],
  );
  return [filters, setFilters];
}
