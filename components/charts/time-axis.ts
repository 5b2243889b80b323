/** Helpers shared by the time-based charts. */

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export type TimePoint = { at: number } & Record<string, number | null>;

export const TOOLTIP_STYLE = { borderRadius: 8, border: '1px solid #e2e8f0', fontSize: 12, color: '#0f172a', boxShadow: '0 4px 12px rgba(15,23,42,0.08)' };

/** Tick marks on whole multiples of `everyMin` minutes inside the window. */
export function minuteTicks([from, to]: [number, number], everyMin: number): number[] {
  const step = everyMin * 60_000;
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) out.push(t);
  return out;
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
