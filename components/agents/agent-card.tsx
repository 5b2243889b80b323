'use client';

import Link from 'next/link';
import type { AgentRow } from '@/components/api-types';
import { RelativeTime } from '@/components/ui/relative-time';
import { ActivityCell } from './activity-cell';
import { AgentStateBadge } from './agent-state-badge';
import { BreakerMarker } from './breaker-state-badge';
import { CapabilityList } from './capability-list';
import { ConcurrencyMeter } from './concurrency-meter';
import { ContextUsageBar } from './context-usage-bar';

/** An agent as a phone-sized card (the table's columns, stacked). */
export function AgentCard({ agent: a }: { agent: AgentRow }) {
  return (
    <div className="min-w-0 space-y-2">
      <div className="flex items-center justify-between gap-2">
        <Link href={`/agents/${a.id}`} className="min-w-0 truncate font-medium text-slate-900 hover:underline dark:text-slate-100">{a.name}</Link>
        <span className="flex shrink-0 flex-wrap items-center justify-end gap-1.5"><BreakerMarker state={a.breaker} /><AgentStateBadge state={a.status} /></span>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-500">
        <span className="font-mono">{a.runtime}</span>
        <ConcurrencyMeter active={a.activeTasks} max={a.maxConcurrency} />
        <span>heartbeat <RelativeTime at={a.lastHeartbeatAt} fallback="never" /></span>
      </div>
      <ActivityCell agent={a} />
      <CapabilityList capabilities={a.capabilities} />
      <ContextUsageBar used={a.contextUsed} window={a.contextWindow} />
    </div>
  );
}
