import { describe, expect, it } from 'vitest';
import { seededRandom } from './random';
import { median, topK, topKIndices } from './top-k';

describe('topK', () => {
  it('returns the best k items best first, as a full sort would', () => {
    const r = seededRandom(1);
    const xs = Array.from({ length: 1_000 }, () => Math.floor(r() * 100));
    const byValueDesc = (a: number, b: number) => b - a;
    expect(topK(xs, 7, byValueDesc)).toEqual([...xs].sort(byValueDesc).slice(0, 7));
  });

  it('keeps the tie-break order of the comparator', () => {
    const xs = [
      { v: 1, n: 'c' },
      { v: 2, n: 'b' },
      { v: 2, n: 'a' },
      { v: 1, n: 'a' },
    ];
    const cmp = (x: { v: number; n: string }, y: { v: number; n: string }) =>
      y.v - x.v || (x.n < y.n ? -1 : x.n > y.n ? 1 : 0);
    expect(topK(xs, 3, cmp).map((x) => `${x.v}${x.n}`)).toEqual(['2a', '2b', '1a']);
  });

  it('handles k larger than n, k of zero and no items', () => {
    expect(topK([3, 1, 2], 10, (a, b) => a - b)).toEqual([1, 2, 3]);
    expect(topK([3, 1, 2], 0, (a, b) => a - b)).toEqual([]);
    expect(topKIndices(0, 5, () => 0)).toEqual([]);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([2, 2, 2, 7])).toBe(2);
  });

  it('agrees with sorting on random inputs with duplicates', () => {
    const r = seededRandom(9);
    for (let round = 0; round < 50; round++) {
      const xs = Array.from({ length: 1 + Math.floor(r() * 40) }, () => Math.floor(r() * 10));
      const s = [...xs].sort((a, b) => a - b);
      const m = s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
      expect(median(xs)).toBe(m);
    }
  });

  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});
