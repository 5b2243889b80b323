import { describe, expect, it } from 'vitest';
import { formatCountdown } from './countdown';

describe('formatCountdown', () => {
  it('counts whole seconds up, then minutes, and stops when due', () => {
    expect(formatCountdown(10_000, 6_000)).toBe('4 s');
    expect(formatCountdown(10_000, 9_999)).toBe('1 s');
    expect(formatCountdown(10_000, 5_500)).toBe('5 s');
    expect(formatCountdown(200_000, 75_000)).toBe('2m 5s');
    expect(formatCountdown(10_000, 10_000)).toBeNull();
    expect(formatCountdown(10_000, 12_000)).toBeNull();
  });
});
