import { Badge, type BadgeTone } from '@/components/ui/badge';

type BreakerState = 'closed' | 'half-open' | 'open';

export const BREAKER_TONE: Record<BreakerState, BadgeTone> = {
  closed: 'green',
  'half-open': 'amber',
  open: 'red',
};

/** closed (work flows), half-open (one probe allowed), open (no work routed). */
export function BreakerStateBadge({ state, testId = 'breaker-state' }: { state: BreakerState; testId?: string }) {
  return (
    <Badge tone={BREAKER_TONE[state]} dot pulse={state === 'half-open'} testId={testId}>
      {state}
    </Badge>
  );
}

/** The agents table's hint that routing avoids an agent; nothing while its breaker is closed. */
export function BreakerMarker({ state }: { state: BreakerState | undefined }) {
  if (!state || state === 'closed') return null;
  return (
    <Badge
      tone={BREAKER_TONE[state]}
      testId="breaker-marker"
      title={
        state === 'open'
          ? 'Circuit breaker open: no work is routed to this agent'
          : 'Circuit breaker half-open: one probe task allowed'
      }
    >
      breaker {state}
    </Badge>
  );
}
