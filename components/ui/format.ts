/**
 * Display formatting shared by the dashboard views. Numbers use one fixed locale so the server
 * render and the browser agree; dates and times in the reader's zone render only after hydration.
 */
const NUMBER_LOCALE = 'en-US';

export function formatRelative(at: number, now: number): string {
  const diff = Math.round((now - at) / 1000);
  const abs = Math.abs(diff);
  const suffix = (s: string) => (diff >= 0 ? `${s} ago` : `in ${s}`);
  if (abs < 3) return 'just now';
  if (abs < 60) return suffix(`${abs}s`);
  if (abs < 3600) return suffix(`${Math.floor(abs / 60)}m`);
  if (abs < 86_400) return suffix(`${Math.floor(abs / 3600)}h`);
  return suffix(`${Math.floor(abs / 86_400)}d`);
}

export function formatDateTime(at: number): string {
  return new Date(at).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Same output on server and client (UTC), for the first render before hydration. */
export function formatUtcClock(at: number): string {
  return `${new Date(at).toISOString().slice(11, 19)} UTC`;
}

export function formatClock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function formatHourMinute(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)}m ${Math.round((ms % 60_000) / 1000)}s`;
  return `${Math.floor(ms / 3_600_000)}h ${Math.round((ms % 3_600_000) / 60_000)}m`;
}

export function formatNumber(n: number, digits = 0): string {
  return n.toLocaleString(NUMBER_LOCALE, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function formatPercent(fraction: number, digits = 0): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function formatTokens(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)}M`;
  if (n >= 1000) return `${Math.round(n / 1000)}k`;
  return String(n);
}
