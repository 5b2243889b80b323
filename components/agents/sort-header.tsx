'use client';

import type { AgentSort, AgentSortColumn } from '@/server/core/registry/agent-query';

interface SortHeaderProps {
  column: AgentSortColumn;
  label: string;
  sort: AgentSort;
  onSort: (next: AgentSort) => void;
}

/** A column header that sorts by its column; a second click reverses the order. */
export function SortHeader({ column, label, sort, onSort }: SortHeaderProps) {
  const active = sort.by === column;
  const next: AgentSort = { by: column, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' };
  return (
    <button
      type="button"
      onClick={() => onSort(next)}
      className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-800 dark:hover:text-slate-200"
      title={`Sort by ${label.toLowerCase()}${active ? (sort.dir === 'asc' ? ', descending' : ', ascending') : ''}`}
    >
      {label}
      <span
        aria-hidden
        className={active ? 'text-indigo-600 dark:text-indigo-400' : 'text-slate-300 dark:text-slate-600'}
      >
        {active && sort.dir === 'desc' ? '▼' : '▲'}
      </span>
    </button>
  );
}

export const ariaSortOf = (sort: AgentSort, column: AgentSortColumn) =>
  sort.by === column ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
