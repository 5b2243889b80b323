import { Badge, type BadgeTone } from '@/components/ui/badge';

const LOOK: Record<string, { tone: BadgeTone; pulse?: boolean; title: string }> = {
  pending: { tone: 'gray', title: 'The condition holds, but not yet for the rule’s “for” duration' },
  firing: { tone: 'red', pulse: true, title: 'Firing: nobody has acknowledged it yet' },
  acknowledged: { tone: 'indigo', title: 'Someone is on it; it resolves when the condition clears' },
  resolved: { tone: 'green', title: 'The condition cleared, or an operator resolved it' },
};

/** pending, firing (pulsing), acknowledged, resolved. */
export function AlertStateBadge({ state }: { state: string }) {
  const look = LOOK[state] ?? { tone: 'slate' as const, title: state };
  return (
    <Badge tone={look.tone} dot pulse={look.pulse} title={look.title} testId="alert-state">
      {state}
    </Badge>
  );
}
