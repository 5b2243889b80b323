import { formatDuration } from '@/components/ui/format';

/** Time left until `at`, for a countdown: "4 s", "2m 5s"; null once it is due. */
export function formatCountdown(at: number, now: number): string | null {
  const left = at - now;
  if (left <= 0) return null;
  // Whole seconds, rounded up: "1 s" until it is due, never "0 s".
  if (left < 60_000) return `${Math.ceil(left / 1000)} s`;
  return formatDuration(left);
}
