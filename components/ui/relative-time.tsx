'use client';

import { formatDateTime, formatRelative, formatUtcClock } from './format';
import { useNow } from './use-now';

interface RelativeTimeProps {
  at: number | null | undefined;
  fallback?: string;
  className?: string;
}

/** "12s ago", kept current; the exact time is in the tooltip. */
export function RelativeTime({ at, fallback = '—', className = '' }: RelativeTimeProps) {
  const now = useNow();
  if (at == null) return <span className={`text-slate-400 ${className}`}>{fallback}</span>;
  return (
    <time
      dateTime={new Date(at).toISOString()}
      title={now == null ? undefined : formatDateTime(at)}
      className={`whitespace-nowrap ${className}`}
    >
      {now == null ? formatUtcClock(at) : formatRelative(at, now)}
    </time>
  );
}
