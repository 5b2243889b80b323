'use client';

import Link from 'next/link';
import type { AgentRow } from '@/components/api-types';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { AgentCard } from './agent-card';
import { AgentStatusCell } from './agent-status-cell';
import { CapabilityList } from './capability-list';
import { ConcurrencyMeter } from './concurrency-meter';
import { ContextUsageBar } from './context-usage-bar';

const COLUMNS: Column<AgentRow>[] = [
  {
    key: 'name', header: 'Name', cell: (a) => (
      <Link href={`/agents/${a.id}`} className="font-medium text-slate-900 hover:text-indigo-600 hover:underline dark:text-slate-100">{a.name}</Link>
    ),
  },
  { key: 'runtime', header: 'Runtime', cell: (a) => <span className="font-mono text-xs text-slate-600 dark:text-slate-300">{a.runtime}</span> },
  { key: 'status', header: 'Status', cell: (a) => <AgentStatusCell agent={a} />, className: 'whitespace-normal' },
  { key: 'concurrency', header: 'Active / max', cell: (a) => <ConcurrencyMeter active={a.activeTasks} max={a.maxConcurrency} /> },
  { key: 'capabilities', header: 'Capabilities', cell: (a) => <CapabilityList capabilities={a.capabilities} limit={4} />, className: 'whitespace-normal' },
  { key: 'heartbeat', header: 'Last heartbeat', cell: (a) => <RelativeTime at={a.lastHeartbeatAt} fallback="never" className="text-slate-600 dark:text-slate-300" /> },
  { key: 'context', header: 'Context', cell: (a) => <ContextUsageBar used={a.contextUsed} window={a.contextWindow} /> },
];

export function AgentsTable({ agents }: { agents: AgentRow[] }) {
  return <DataTable label="Agents" testId="agents-table" columns={COLUMNS} rows={agents} rowKey={(a) => a.id} minWidth="min-w-[1020px]" card={(a) => <AgentCard agent={a} />} />;
}
