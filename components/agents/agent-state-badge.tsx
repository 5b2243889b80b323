import type { AgentState } from '@/server/core/model';
import { Badge, type BadgeTone } from '@/components/ui/badge';

export const AGENT_STATE_TONE: Record<AgentState, BadgeTone> = {
  starting: 'sky',
  idle: 'green',
  busy: 'indigo',
  draining: 'amber',
  sleeping: 'violet',
  stopped: 'slate',
  unhealthy: 'orange',
  offline: 'red',
  terminated: 'gray',
};

export function AgentStateBadge({ state }: { state: AgentState }) {
  return (
    <Badge tone={AGENT_STATE_TONE[state]} dot pulse={state === 'busy' || state === 'starting'} testId="agent-state">
      {state}
    </Badge>
  );
}
