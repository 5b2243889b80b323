import { POOL_SAMPLES_WINDOW_MS } from './queries';

/** The shortest span the chart shows, so a pool created a minute ago is not one thin column. */
export const MIN_CHART_SPAN_MS = 5 * 60_000;

/**
 * The chart's time span: the last 30 minutes, or since the pool was created when it is younger
 * (at least 5 minutes), so a new pool's first scale-up fills the chart instead of its right edge.
 */
export function chartWindow(end: number, createdAt: number): { window: [number, number]; sinceCreation: boolean } {
  const full = end - POOL_SAMPLES_WINDOW_MS;
  const start = Math.max(full, Math.min(createdAt, end - MIN_CHART_SPAN_MS));
  return { window: [start, end], sinceCreation: start > full };
}
