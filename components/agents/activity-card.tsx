'use client';

import { Card } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import { useNow } from '@/components/ui/use-now';
import { ActivityBadge } from './activity-badge';
import type { AgentDetailData } from './agent-types';
import { ParkedCountdown } from './parked-countdown';

/**
 * What the agent's CLI says it is doing, since when, and why the scheduler gives it nothing new
 * right now (rate-limited until a time, context full), with a countdown while it is parked.
 */
export function ActivityCard({ agent: a }: { agent: AgentDetailData }) {
  const act = a.activity;
  const now = useNow();
  // A past park may linger on the agent until it reports again: only a future one counts.
  const parkedUntil = a.parkedUntil != null && (now == null || a.parkedUntil > now) ? a.parkedUntil : null;
  // While parked the callout says it all; any other hold (context full…) gets its own line.
  const hold = a.hold && !(parkedUntil != null && a.hold.startsWith('rate-limited')) ? a.hold : null;
  return (
    <Card title="Activity" testId="agent-activity-card" description="Reported by the agent's CLI adapter from its event stream">
      <div className="space-y-3 text-sm">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <ActivityBadge state={act?.state} detail={act?.detail} />
          {act && <span className="text-xs text-slate-500 dark:text-slate-400">since <RelativeTime at={act.at} /></span>}
        </div>
        <p className="break-words text-slate-700 dark:text-slate-300" data-testid="agent-activity-detail">
          {act?.detail ?? <span className="text-slate-500 dark:text-slate-400">{act ? 'No detail given.' : 'This agent has not reported what its CLI is doing (older workers do not).'}</span>}
        </p>
        {parkedUntil != null && (
          <p className="rounded-md border border-orange-200 bg-orange-50 px-3 py-2 text-orange-900 dark:border-orange-900 dark:bg-orange-950/50 dark:text-orange-200">
            Rate-limited: <ParkedCountdown agentId={a.id} until={parkedUntil} />. It takes no new work until then.
          </p>
        )}
        {hold && (
          <p className="text-slate-600 dark:text-slate-300">
            Takes no new work now: <span className="font-medium text-slate-900 dark:text-slate-100" data-testid="agent-hold">{hold}</span>
          </p>
        )}
      </div>
    </Card>
  );
}
