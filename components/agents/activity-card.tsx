'use client';

import { Card } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import { useNow } from '@/components/ui/use-now';
import { ActivityBadge } from './activity-badge';
import { AgentStateBadge } from './agent-state-badge';
import type { AgentDetailData } from './agent-types';
import { ParkedCountdown } from './parked-countdown';

/**
 * The agent's one status and, beside it, what its CLI reports (the server makes the two agree),
 * since when, and why the scheduler gives it nothing new right now, with a countdown while parked.
 */
export function ActivityCard({ agent: a }: { agent: AgentDetailData }) {
  const act = a.activity;
  const now = useNow();
  // A past park may linger on the agent until it reports again: only a future one counts.
  const parkedUntil = a.parkedUntil != null && (now == null || a.parkedUntil > now) ? a.parkedUntil : null;
  // While parked the callout says it all; any other hold (context full…) gets its own line.
  const hold = a.hold && !(parkedUntil != null && a.hold.startsWith('rate-limited')) ? a.hold : null;
  return (
    <Card
      title="Status"
      testId="agent-status-card"
      description="What the control plane knows (tasks held, heartbeats) with what its CLI reports"
    >
      <div className="space-y-3 text-sm">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <AgentStateBadge state={a.status} />
          {act && <ActivityBadge state={act.state} detail={act.detail} />}
          {act?.at != null && (
            <span className="text-xs text-slate-500 dark:text-slate-400">
              since <RelativeTime at={act.at} />
            </span>
          )}
        </div>
        <p className="break-words text-slate-700 dark:text-slate-300" data-testid="agent-activity-detail">
          {act?.detail ?? (
            <span className="text-slate-500 dark:text-slate-400">
              {act
                ? 'No detail given.'
                : (NO_ACTIVITY[a.status] ??
                  'This agent has not reported what its CLI is doing (older workers do not).')}
            </span>
          )}
        </p>
        {parkedUntil != null && (
          <p className="rounded-md border border-orange-200 bg-orange-50 px-3 py-2 text-orange-900 dark:border-orange-900 dark:bg-orange-950/50 dark:text-orange-200">
            Rate-limited: <ParkedCountdown agentId={a.id} until={parkedUntil} />. It takes no new work until then.
          </p>
        )}
        {hold && (
          <p className="text-slate-600 dark:text-slate-300">
            Takes no new work now:{' '}
            <span className="font-medium text-slate-900 dark:text-slate-100" data-testid="agent-hold">
              {hold}
            </span>
          </p>
        )}
      </div>
    </Card>
  );
}

/** Why there is no activity to show, for states whose worker is not running. */
const NO_ACTIVITY: Partial<Record<AgentDetailData['status'], string>> = {
  starting: 'Registered; its worker has not heartbeated yet.',
  stopped: 'Its worker stopped cleanly; it comes back when its worker starts again.',
  offline: 'Its worker went silent; its work was handed to other agents.',
  terminated: 'Terminated: it takes no more work.',
};
