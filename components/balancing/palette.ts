/**
 * Categorical colours for per-agent and per-term series (SVG needs hex). Mid-tones that read
 * on both the light and the dark background; they repeat after twelve.
 */
const PALETTE = [
  '#6366f1',
  '#10b981',
  '#f59e0b',
  '#0ea5e9',
  '#ec4899',
  '#8b5cf6',
  '#14b8a6',
  '#f97316',
  '#84cc16',
  '#ef4444',
  '#06b6d4',
  '#a855f7',
];

export const seriesColor = (i: number) => PALETTE[i % PALETTE.length];

/** Recorded vs replayed in the what-if charts. */
export const RECORDED_COLOR = '#94a3b8';
export const REPLAYED_COLOR = '#6366f1';
export const IMBALANCE_COLOR = '#f59e0b';
