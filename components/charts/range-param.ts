import { TIME_RANGES, type TimeRange } from '@/server/core/metrics/time-range';

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** `?range=` from the URL; anything else is the page's default. Server prefetch and client read it alike. */
export function parseRange(params: Params, fallback: TimeRange = '15m'): TimeRange {
  const raw = params instanceof URLSearchParams ? params.get('range') : params.range;
  const v = Array.isArray(raw) ? raw[0] : raw;
  return (TIME_RANGES as readonly string[]).includes(v ?? '') ? (v as TimeRange) : fallback;
}
