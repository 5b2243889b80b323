'use client';

import { formatDateTime, formatUtcClock } from '@/components/ui/format';
import { useNow } from '@/components/ui/use-now';
import { formatCountdown } from './countdown';

interface RetryCountdownProps {
  /** When the task goes back to the queue; null when the server did not say. */
  at: number | null;
  className?: string;
}

/** "retry in 4 s", ticking; "retrying now…" once due, until the sweep moves the task on. */
export function RetryCountdown({ at, className = '' }: RetryCountdownProps) {
  const now = useNow();
  let text: string;
  if (at == null) text = 'retrying after a backoff';
  else if (now == null) text = `retry at ${formatUtcClock(at)}`;
  else {
    const left = formatCountdown(at, now);
    text = left ? `retry in ${left}` : 'retrying now…';
  }
  return (
    <span
      data-testid="retry-countdown"
      title={at != null && now != null ? formatDateTime(at) : undefined}
      className={`tabular-nums ${className}`}
    >
      {text}
    </span>
  );
}
