'use client';

import Link from 'next/link';
import { ActivityBadge } from '@/components/agents/activity-badge';
import { ActivityCell } from '@/components/agents/activity-cell';
import { AgentStateBadge } from '@/components/agents/agent-state-badge';
import { ConcurrencyMeter } from '@/components/agents/concurrency-meter';
import { LifecycleActions, type LifecycleAction } from '@/components/agents/lifecycle-actions';
import { DataTable, type Column } from '@/components/ui/data-table';
import { MemberLastExit } from './member-last-exit';
import type { PoolMemberRow } from './types';

const ACTIONS: readonly LifecycleAction[] = ['sleep', 'wake', 'terminate'];

const Running = ({ m }: { m: PoolMemberRow }) =>
  m.running ? (
    <span className="text-emerald-700 dark:text-emerald-400" data-testid="member-running">
      running
    </span>
  ) : (
    <span className="text-slate-400" data-testid="member-running">
      stopped
    </span>
  );

const COLUMNS: Column<PoolMemberRow>[] = [
  {
    key: 'name',
    header: 'Agent',
    cell: (m) => (
      <Link
        href={`/agents/${m.id}`}
        className="font-medium text-slate-900 hover:text-indigo-600 hover:underline dark:text-slate-100"
      >
        {m.name}
      </Link>
    ),
  },
  { key: 'state', header: 'State', cell: (m) => <AgentStateBadge state={m.status} /> },
  { key: 'activity', header: 'Activity', cell: (m) => <ActivityCell agent={m} /> },
  {
    key: 'tasks',
    header: 'Active / max',
    cell: (m) => <ConcurrencyMeter active={m.activeTasks} max={m.maxConcurrency} />,
  },
  { key: 'running', header: 'Process', cell: (m) => <Running m={m} /> },
  {
    key: 'restarts',
    header: 'Restarts',
    cell: (m) => (
      <span className={`tabular-nums ${m.restarts ? 'text-orange-700 dark:text-orange-400' : 'text-slate-500'}`}>
        {m.restarts}
      </span>
    ),
    className: 'text-right',
    headerClassName: 'text-right',
  },
  {
    key: 'lastExit',
    header: 'Last crash',
    cell: (m) => <MemberLastExit exit={m.lastExit} />,
    className: 'whitespace-normal min-w-48',
  },
  {
    key: 'actions',
    header: <span className="sr-only">Actions</span>,
    cell: (m) => <LifecycleActions agentId={m.id} agentName={m.name} status={m.status} actions={ACTIONS} />,
    className: 'whitespace-normal',
  },
];

/** The pool's agents: shown state, what their CLI is doing, work held, whether the provider runs them, how they last crashed. */
export function PoolMembersTable({ members }: { members: PoolMemberRow[] }) {
  if (!members.length) {
    return (
      <p className="px-4 py-3 text-sm text-slate-500 dark:text-slate-400">
        No agents right now: the autoscaler starts them when tasks for this pool queue up (or to reach the minimum
        size).
      </p>
    );
  }
  return (
    <DataTable
      label="Pool members"
      testId="pool-members"
      columns={COLUMNS}
      rows={members}
      rowKey={(m) => m.id}
      minWidth="min-w-[1040px]"
      card={(m) => (
        <div className="space-y-2 text-sm">
          <div className="flex items-center justify-between gap-2">
            <Link href={`/agents/${m.id}`} className="min-w-0 truncate font-medium hover:underline">
              {m.name}
            </Link>
            <span className="flex shrink-0 items-center gap-1.5">
              <ActivityBadge state={m.activity?.state} detail={m.activity?.detail} testId="member-activity" />
              <AgentStateBadge state={m.status} />
            </span>
          </div>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-500">
            <ConcurrencyMeter active={m.activeTasks} max={m.maxConcurrency} />
            <Running m={m} />
            <span>
              {m.restarts} restart{m.restarts === 1 ? '' : 's'}
            </span>
          </div>
          {m.hold && (
            <p className="text-xs text-orange-700 dark:text-orange-400" data-testid="agent-hold">
              {m.hold}
            </p>
          )}
          {m.lastExit && <MemberLastExit exit={m.lastExit} />}
          <LifecycleActions agentId={m.id} agentName={m.name} status={m.status} actions={ACTIONS} />
        </div>
      )}
    />
  );
}
