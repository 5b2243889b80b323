import type { AgentActivityState } from '@/server/core/model';
import { Badge, type BadgeTone } from '@/components/ui/badge';

export const ACTIVITY_TONE: Record<AgentActivityState, BadgeTone> = {
  idle: 'slate',
  working: 'indigo',
  'waiting-for-input': 'amber',
  'rate-limited': 'orange',
  stalled: 'red',
  done: 'green',
  failed: 'red',
  stopping: 'slate',
};

interface ActivityBadgeProps {
  /** What the agent's CLI last reported; null when it never reported any. */
  state: AgentActivityState | null | undefined;
  detail?: string | null;
  testId?: string;
}

/** What the agent's CLI says it is doing ("working", "rate-limited"…), the detail in the tooltip. */
export function ActivityBadge({ state, detail, testId = 'agent-activity' }: ActivityBadgeProps) {
  if (!state)
    return (
      <Badge tone="gray" testId={testId} title="The agent has not reported what its CLI is doing">
        not reported
      </Badge>
    );
  return (
    <Badge tone={ACTIVITY_TONE[state]} dot pulse={state === 'working'} testId={testId} title={detail ?? undefined}>
      {state}
    </Badge>
  );
}
