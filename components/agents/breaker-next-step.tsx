'use client';

import type { ReactNode } from 'react';
import { formatCountdown } from '@/components/tasks/countdown';
import { ClockTime } from '@/components/ui/clock-time';
import { useNow } from '@/components/ui/use-now';
import type { BreakerSnapshotRow } from './breaker-types';
import { ActorName } from '@/components/ui/actor-name';

/** What the breaker does next: stays open until reset, half-opens for a probe (countdown), or awaits its probe. */
export function BreakerNextStep({ snapshot: s }: { snapshot: BreakerSnapshotRow }) {
  const now = useNow();
  let text: ReactNode = null;
  if (s.forcedBy != null) {
    text = (
      <>
        Forced open by{' '}
        <span data-testid="breaker-forced-by">
          <ActorName actor={s.forcedBy} className="font-semibold" />
        </span>
        : it stays open until someone resets it.
      </>
    );
  } else if (s.state === 'open' && s.reopensAt != null) {
    const left = now == null ? null : formatCountdown(s.reopensAt, now);
    text = (
      <>
        Half-opens for a probe{' '}
        {left ? (
          <>
            in{' '}
            <span className="tabular-nums" data-testid="breaker-reopens-in">
              {left}
            </span>
          </>
        ) : (
          'now'
        )}{' '}
        (at <ClockTime at={s.reopensAt} />
        ).
      </>
    );
  } else if (s.state === 'half-open') {
    text = s.probeInFlight
      ? 'A probe task is running: success closes it, failure opens it again for twice as long.'
      : 'The next task routed here is the probe: success closes it, failure opens it again.';
  }
  if (!text) return null;
  const tone =
    s.state === 'open'
      ? 'border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200'
      : 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200';
  return (
    <p className={`rounded-md border px-3 py-2 text-sm ${tone}`} data-testid="breaker-next">
      {text}
    </p>
  );
}
