import type { Priority } from '@/server/core/model';

/** Chart colours as hex: SVG fills cannot use Tailwind classes. */
export const PRIORITY_COLORS: Record<Priority, string> = {
  critical: '#ef4444',
  high: '#f97316',
  normal: '#6366f1',
  low: '#0ea5e9',
  background: '#94a3b8',
};

export const OUTCOME_COLORS = { succeeded: '#10b981', failed: '#ef4444' } as const;

export const AXIS_COLOR = '#94a3b8';
export const GRID_COLOR = 'rgba(148, 163, 184, 0.25)';

/** A y axis's unit, written along it ("tasks/min", "CV"), the same on every chart. */
export const unitLabel = (unit: string) => ({
  value: unit,
  angle: -90,
  position: 'insideLeft' as const,
  offset: 6,
  style: { fontSize: 11, fill: AXIS_COLOR, textAnchor: 'middle' as const },
});
