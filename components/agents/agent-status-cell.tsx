import type { AgentRow } from '@/components/api-types';
import { ActivityBadge } from './activity-badge';
import { AgentStateBadge } from './agent-state-badge';
import { BreakerMarker } from './breaker-state-badge';

type StatusFields = Pick<AgentRow, 'status' | 'activity' | 'hold' | 'breaker'>;

/** The activity says something the status does not (the server already made the two agree). */
export function activityAddsDetail({ status, activity }: Pick<AgentRow, 'status' | 'activity'>): boolean {
  if (!activity) return false;
  if (activity.detail) return true;
  return !((status === 'busy' && activity.state === 'working') || (status === 'idle' && activity.state === 'idle'));
}

/**
 * One status column: the agent's status, beside it what its CLI reports when that adds
 * anything (waiting for input, rate-limited…), and beneath it why routing holds it back.
 */
export function AgentStatusCell({ agent: a }: { agent: StatusFields }) {
  return (
    <span className="inline-flex max-w-72 flex-col items-start gap-0.5" data-testid="agent-status">
      <span className="inline-flex flex-wrap items-center gap-1.5">
        <AgentStateBadge state={a.status} />
        {activityAddsDetail(a) && <ActivityBadge state={a.activity!.state} detail={a.activity!.detail} />}
        <BreakerMarker state={a.breaker} />
      </span>
      {a.activity?.detail && (
        <span
          className="line-clamp-2 whitespace-normal text-xs text-slate-500 dark:text-slate-400"
          data-testid="agent-activity-detail"
        >
          {a.activity.detail}
        </span>
      )}
      {a.hold && (
        <span
          className="whitespace-normal text-xs text-orange-700 dark:text-orange-400"
          data-testid="agent-hold"
          title="Why the scheduler gives it no new work"
        >
          {a.hold}
        </span>
      )}
    </span>
  );
}
