'use client';

import { useEffect, useState } from 'react';
import { AGENT_STATES, type AgentState } from '@/server/core/model';
import { AGENT_SORT_COLUMNS, type AgentSortColumn } from '@/server/core/registry/agent-sort';
import { FilterChips } from '@/components/ui/filter-chips';
import type { AgentListParams } from './agent-list-params';

const SORT_LABELS: Record<AgentSortColumn, string> = {
  name: 'Name',
  status: 'Status',
  runtime: 'Runtime',
  activeTasks: 'Active tasks',
  lastHeartbeat: 'Last heartbeat',
  registeredAt: 'Registered',
};

interface AgentsToolbarProps {
  params: AgentListParams;
  onChange: (next: AgentListParams) => void;
  counts?: Partial<Record<AgentState, number>>;
}

/** Search (applied 300 ms after typing stops), the terminated toggle, status chips and, on phones, the sort. */
export function AgentsToolbar({ params, onChange, counts }: AgentsToolbarProps) {
  const [text, setText] = useState(params.search);

  useEffect(() => {
    if (text.trim() === params.search) return;
    const timer = setTimeout(() => onChange({ ...params, search: text.trim() }), 300);
    return () => clearTimeout(timer);
  }, [text, params, onChange]);

  const states = params.terminated
    ? AGENT_STATES
    : AGENT_STATES.filter((s) => s !== 'terminated' || params.status.includes(s));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Search by name, capability or label (key=value)…"
          aria-label="Search agents"
          data-shortcut="search"
          className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 sm:max-w-sm dark:border-slate-700 dark:bg-slate-950"
        />
        <label className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
          <input
            type="checkbox"
            checked={params.terminated}
            onChange={(e) => onChange({ ...params, terminated: e.target.checked })}
            className="h-4 w-4 rounded border-slate-300"
          />
          Show terminated
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-600 md:hidden dark:text-slate-300">
          Sort
          <select
            value={`${params.sort.by}.${params.sort.dir}`}
            aria-label="Sort agents"
            onChange={(e) => {
              const [by, dir] = e.target.value.split('.');
              onChange({ ...params, sort: { by: by as AgentSortColumn, dir: dir as 'asc' | 'desc' } });
            }}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950"
          >
            {AGENT_SORT_COLUMNS.flatMap((c) => [
              <option key={`${c}.asc`} value={`${c}.asc`}>
                {SORT_LABELS[c]} ↑
              </option>,
              <option key={`${c}.desc`} value={`${c}.desc`}>
                {SORT_LABELS[c]} ↓
              </option>,
            ])}
          </select>
        </label>
      </div>
      <FilterChips
        label="State"
        options={states}
        selected={params.status}
        onChange={(status) => onChange({ ...params, status })}
        counts={counts}
      />
    </div>
  );
}
