'use client';

import Link from 'next/link';
import type { AgentRow } from '@/components/api-types';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import type { AgentSort, AgentSortColumn } from '@/server/core/registry/agent-query';
import { AgentCard } from './agent-card';
import { AgentStatusCell } from './agent-status-cell';
import { CapabilityList } from './capability-list';
import { ConcurrencyMeter } from './concurrency-meter';
import { ContextUsageBar } from './context-usage-bar';
import { ariaSortOf, SortHeader } from './sort-header';

type Sortable = { sortBy?: AgentSortColumn; label: string };

const COLUMNS: (Omit<Column<AgentRow>, 'header'> & Sortable)[] = [
  {
    // No prefetch: fifty rows in view would each render an agent page on the server at every load.
    key: 'name',
    label: 'Name',
    sortBy: 'name',
    cell: (a) => (
      <Link
        href={`/agents/${a.id}`}
        prefetch={false}
        className="font-medium text-slate-900 hover:text-indigo-600 hover:underline dark:text-slate-100"
      >
        {a.name}
      </Link>
    ),
  },
  {
    key: 'runtime',
    label: 'Runtime',
    sortBy: 'runtime',
    cell: (a) => <span className="font-mono text-xs text-slate-600 dark:text-slate-300">{a.runtime}</span>,
  },
  {
    key: 'status',
    label: 'Status',
    sortBy: 'status',
    cell: (a) => <AgentStatusCell agent={a} />,
    className: 'whitespace-normal',
  },
  {
    key: 'concurrency',
    label: 'Active / max',
    sortBy: 'activeTasks',
    cell: (a) => <ConcurrencyMeter active={a.activeTasks} max={a.maxConcurrency} />,
  },
  {
    key: 'capabilities',
    label: 'Capabilities',
    cell: (a) => <CapabilityList capabilities={a.capabilities} limit={4} />,
    className: 'whitespace-normal',
  },
  {
    key: 'heartbeat',
    label: 'Last heartbeat',
    sortBy: 'lastHeartbeat',
    cell: (a) => (
      <RelativeTime at={a.lastHeartbeatAt} fallback="never" className="text-slate-600 dark:text-slate-300" />
    ),
  },
  {
    key: 'registered',
    label: 'Registered',
    sortBy: 'registeredAt',
    cell: (a) => <RelativeTime at={a.registeredAt} className="text-slate-600 dark:text-slate-300" />,
  },
  { key: 'context', label: 'Context', cell: (a) => <ContextUsageBar used={a.contextUsed} window={a.contextWindow} /> },
];

interface AgentsTableProps {
  agents: AgentRow[];
  sort: AgentSort;
  onSort: (next: AgentSort) => void;
}

export function AgentsTable({ agents, sort, onSort }: AgentsTableProps) {
  const columns: Column<AgentRow>[] = COLUMNS.map(({ sortBy, label, ...c }) =>
    sortBy
      ? {
          ...c,
          header: <SortHeader column={sortBy} label={label} sort={sort} onSort={onSort} />,
          ariaSort: ariaSortOf(sort, sortBy),
        }
      : { ...c, header: label },
  );
  return (
    <DataTable
      label="Agents"
      testId="agents-table"
      columns={columns}
      rows={agents}
      rowKey={(a) => a.id}
      minWidth="min-w-[1120px]"
      card={(a) => <AgentCard agent={a} />}
    />
  );
}
