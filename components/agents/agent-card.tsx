'use client';

import Link from 'next/link';
import type { AgentRow } from '@/components/api-types';
import { RelativeTime } from '@/components/ui/relative-time';
import { AgentStatusCell } from './agent-status-cell';
import { CapabilityList } from './capability-list';
import { ConcurrencyMeter } from './concurrency-meter';
import { ContextUsageBar } from './context-usage-bar';

/** An agent as a phone-sized card (the table's columns, stacked). */
export function AgentCard({ agent: a }: { agent: AgentRow }) {
  return (
    <div className="min-w-0 space-y-2">
      <Link
        href={`/agents/${a.id}`}
        prefetch={false}
        className="block min-w-0 truncate font-medium text-slate-900 hover:underline dark:text-slate-100"
      >
        {a.name}
      </Link>
      <AgentStatusCell agent={a} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-500">
        <span className="font-mono">{a.runtime}</span>
        <ConcurrencyMeter active={a.activeTasks} max={a.maxConcurrency} />
        <span>
          heartbeat <RelativeTime at={a.lastHeartbeatAt} fallback="never" />
        </span>
      </div>
      <CapabilityList capabilities={a.capabilities} />
      <ContextUsageBar used={a.contextUsed} window={a.contextWindow} />
    </div>
  );
}
