import type { TimeRange } from '@/server/core/metrics/time-range';
import { formatClock, formatHourMinute } from '@/components/ui/format';

/** Helpers shared by the time-based charts. */

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export type TimePoint = { at: number } & Record<string, number | null>;

/** Colours come from CSS variables (globals.css) so the tooltip follows dark mode. */
export const TOOLTIP_STYLE = {
  borderRadius: 8,
  border: '1px solid var(--chart-tooltip-border)',
  backgroundColor: 'var(--chart-tooltip-bg)',
  fontSize: 12,
  color: 'var(--chart-tooltip-text)',
  boxShadow: '0 4px 12px rgba(15,23,42,0.12)',
};
export const TOOLTIP_LABEL_STYLE = { color: 'var(--chart-tooltip-text)', fontWeight: 600 };

/** Tick marks on whole multiples of `everyMin` minutes inside the window. */
export function minuteTicks([from, to]: [number, number], everyMin: number): number[] {
  const step = everyMin * 60_000;
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) out.push(t);
  return out;
}

const TICK_EVERY_MS: Record<TimeRange, number> = {
  '15m': 3 * 60_000,
  '1h': 10 * 60_000,
  '6h': 3_600_000,
  '24h': 4 * 3_600_000,
  '7d': 24 * 3_600_000,
};

/** Five to eight ticks per range, on whole local minutes, hours or midnights. */
export function rangeTicks(from: number, to: number, range: TimeRange): number[] {
  const step = TICK_EVERY_MS[range];
  const offset = new Date(from).getTimezoneOffset() * 60_000;
  const out: number[] = [];
  for (let t = Math.ceil((from - offset) / step) * step + offset; t <= to; t += step) out.push(t);
  return out;
}

const weekdayTime = (v: number) =>
  `${new Date(v).toLocaleDateString(undefined, { weekday: 'short' })} ${formatHourMinute(v)}`;

/** HH:mm up to a day; "Mon 14:00" over a week. */
export const formatTick = (v: number, range: TimeRange) => (range === '7d' ? weekdayTime(v) : formatHourMinute(v));

/** The tooltip's time: to the second over short ranges, with the weekday over a week. */
export function formatPointTime(v: number, range: TimeRange): string {
  if (range === '15m' || range === '1h') return formatClock(v);
  return range === '7d' ? weekdayTime(v) : formatHourMinute(v);
}

/** Inserts an empty point where samples are missing (server down), so nothing is drawn across it. */
export function withGaps(data: TimePoint[], series: ChartSeries[], intervalMs: number): TimePoint[] {
  const out: TimePoint[] = [];
  const empty = Object.fromEntries(series.map((s) => [s.key, null]));
  for (let i = 0; i < data.length; i++) {
    const prev = data[i - 1];
    if (prev && data[i].at - prev.at > intervalMs * 2.5) out.push({ ...empty, at: prev.at + intervalMs } as TimePoint);
    out.push(data[i]);
  }
  return out;
}
