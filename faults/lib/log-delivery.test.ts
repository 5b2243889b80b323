import { describe, expect, it } from 'vitest';
import { compareDelivery, deliveredExactlyOnce } from './log-delivery';

describe('compareDelivery', () => {
  it('accepts every position once, in order', () => {
    const d = compareDelivery([4, 5, 7, 9], [4, 5, 7, 9]);
    expect(deliveredExactlyOnce(d)).toBe(true);
    expect(d).toMatchObject({ expected: 4, received: 4 });
  });

  it('names what is missing, repeated, out of order or not in the log', () => {
    const d = compareDelivery([4, 5, 7, 9], [4, 7, 5, 7, 11]);
    expect(d.missing).toEqual([9]);
    expect(d.duplicated).toEqual([7]);
    expect(d.outOfOrder).toBe(1);
    expect(d.unknown).toEqual([11]);
    expect(deliveredExactlyOnce(d)).toBe(false);
  });

  it('fails an empty delivery of a non-empty range', () => {
    expect(deliveredExactlyOnce(compareDelivery([1], []))).toBe(false);
  });
});
