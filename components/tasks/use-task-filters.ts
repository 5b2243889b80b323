'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseTaskFilters, taskFiltersToQuery, type TaskFilters } from './task-filter-params';

/** Filters live in the URL; replaceState updates it without a server round trip. */
export function useTaskFilters(): [TaskFilters, (next: TaskFilters) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const key = searchParams.toString();
  const filters = useMemo(() => parseTaskFilters(new URLSearchParams(key)), [key]);
  const setFilters = useCallback(
    (next: TaskFilters) => {
      window.history.replaceState(null, '', `${pathname}${taskFiltersToQuery(next)}`);
    },
    [pathname],
  );
  return [filters, setFilters];
}
