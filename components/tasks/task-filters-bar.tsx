'use client';

import { useEffect, useState } from 'react';
import { PRIORITIES, TASK_STATES } from '@/server/core/model';
import { FilterChips } from '@/components/ui/filter-chips';
import type { TaskFilters } from './task-filter-params';
import { TimeWindowChip } from './time-window-chip';

interface TaskFiltersBarProps {
  filters: TaskFilters;
  onChange: (next: TaskFilters) => void;
}

/** Status and priority toggles plus a title / id search (applied 300 ms after typing stops). */
export function TaskFiltersBar({ filters, onChange }: TaskFiltersBarProps) {
  const [text, setText] = useState(filters.search);

  useEffect(() => {
    if (text.trim() === filters.search) return;
    const timer = setTimeout(() => onChange({ ...filters, search: text.trim() }), 300);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  return (
    <div className="space-y-3">
      <TimeWindowChip
        since={filters.since}
        until={filters.until}
        onClear={() => onChange({ ...filters, since: null, until: null })}
      />
      <input
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Search by title or task id…"
        aria-label="Search tasks"
        data-shortcut="search"
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 sm:max-w-sm dark:border-slate-700 dark:bg-slate-950"
      />
      <FilterChips
        label="Status"
        options={TASK_STATES}
        selected={filters.status}
        onChange={(status) => onChange({ ...filters, status })}
      />
      <FilterChips
        label="Priority"
        options={PRIORITIES}
        selected={filters.priority}
        onChange={(priority) => onChange({ ...filters, priority })}
      />
    </div>
  );
}
