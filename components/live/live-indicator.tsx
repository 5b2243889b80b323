'use client';

import type { LiveStatus } from './use-live-events';

const LOOK: Record<LiveStatus, { label: string; dot: string; text: string }> = {
  live: { label: 'Live', dot: 'bg-emerald-500', text: 'text-emerald-700 dark:text-emerald-400' },
  connecting: { label: 'Connecting', dot: 'bg-slate-400 animate-pulse', text: 'text-slate-500' },
  reconnecting: {
    label: 'Reconnecting',
    dot: 'bg-amber-500 animate-pulse',
    text: 'text-amber-700 dark:text-amber-400',
  },
  offline: { label: 'Offline', dot: 'bg-red-500', text: 'text-red-700 dark:text-red-400' },
};

interface LiveIndicatorProps {
  status: LiveStatus;
  error: string | null;
  onRetry: () => void;
}

/** Whether the live event stream is connected; offers a retry when the server refused it. */
export function LiveIndicator({ status, error, onRetry }: LiveIndicatorProps) {
  const look = LOOK[status];
  const title = status === 'live' ? 'Receiving live updates' : (error ?? 'Waiting for the live event stream');
  return (
    <span
      data-testid="live-indicator"
      data-status={status}
      title={title}
      aria-live="polite"
      className={`inline-flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2.5 py-1 text-xs font-medium dark:border-slate-700 dark:bg-slate-900 ${look.text}`}
    >
      <span className="relative flex h-2 w-2" aria-hidden>
        {status === 'live' && (
          <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-emerald-400 opacity-60" />
        )}
        <span className={`relative inline-flex h-2 w-2 rounded-full ${look.dot}`} />
      </span>
      {look.label}
      {status === 'offline' && (
        <button type="button" onClick={onRetry} className="ml-1 underline underline-offset-2">
          retry
        </button>
      )}
    </span>
  );
}
