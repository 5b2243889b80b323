import { describe, expect, it } from 'vitest';
import { chartWindow } from './chart-window';

const END = Date.UTC(2026, 10, 24, 12, 0, 0);
const MIN = 60_000;

describe('pool chart window', () => {
  it('shows the last 30 minutes of an older pool', () => {
    expect(chartWindow(END, END - 3 * 60 * MIN)).toEqual({ window: [END - 30 * MIN, END], sinceCreation: false });
  });

  it('starts at creation for a pool younger than 30 minutes', () => {
    expect(chartWindow(END, END - 12 * MIN)).toEqual({ window: [END - 12 * MIN, END], sinceCreation: true });
  });

  it('never spans less than 5 minutes', () => {
    expect(chartWindow(END, END - 20_000)).toEqual({ window: [END - 5 * MIN, END], sinceCreation: true });
  });
});
