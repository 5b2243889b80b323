import { ActivityBadge } from './activity-badge';
import type { AgentRow } from '@/components/api-types';

/** The agent's activity badge, and beneath it why it takes no new work right now (when it does not). */
export function ActivityCell({ agent: a }: { agent: Pick<AgentRow, 'activity' | 'hold'> }) {
  return (
    <span className="inline-flex max-w-64 flex-col items-start gap-0.5">
      {a.activity ? (
        <ActivityBadge state={a.activity.state} detail={a.activity.detail} />
      ) : (
        <span className="text-xs text-slate-400">not reported</span>
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
