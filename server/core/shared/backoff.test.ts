import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, maxRetryDelayMs, retryDelayMs, RetryPolicyInput } from './backoff';
import { seededRandom } from './random';

const ALMOST_ONE = 1 - Number.EPSILON / 2; // the largest double below 1

describe('maxRetryDelayMs', () => {
  it('doubles from 1 s and stops at 5 min by default', () => {
    expect([1, 2, 3, 4, 9, 10].map((a) => maxRetryDelayMs(a))).toEqual([1000, 2000, 4000, 8000, 256_000, 300_000]);
    expect(maxRetryDelayMs(30)).toBe(300_000);
  });

  it('stays finite and capped for huge attempts, and treats attempts below 1 as the first', () => {
    for (const a of [1000, 1e9, Number.MAX_SAFE_INTEGER, Infinity]) expect(maxRetryDelayMs(a)).toBe(300_000);
    for (const a of [0, -3, NaN, 0.5]) expect(maxRetryDelayMs(a)).toBe(1000);
    expect(maxRetryDelayMs(1000, { baseMs: 10, factor: 10, capMs: 1e300 })).toBe(1e300); // 10^999 alone would overflow
  });

  it('keeps a constant bound with factor 1', () => {
    expect(maxRetryDelayMs(50, { baseMs: 700, factor: 1, capMs: 900 })).toBe(700);
  });
});

describe('retryDelayMs', () => {
  it('stays within [0, bound] for every attempt 1..30 at both ends of random', () => {
    for (let attempt = 1; attempt <= 30; attempt++) {
      const bound = maxRetryDelayMs(attempt);
      expect(retryDelayMs(attempt, DEFAULT_RETRY_POLICY, () => 0)).toBe(0);
      const high = retryDelayMs(attempt, DEFAULT_RETRY_POLICY, () => ALMOST_ONE);
      expect(high).toBe(bound);
      expect(Number.isInteger(high)).toBe(true);
    }
  });

  it('reaches the cap and never exceeds it, even at attempt 1000', () => {
    expect(retryDelayMs(1000, DEFAULT_RETRY_POLICY, () => ALMOST_ONE)).toBe(300_000);
    const r = seededRandom(3);
    for (let i = 0; i < 1000; i++) expect(retryDelayMs(1000, DEFAULT_RETRY_POLICY, r)).toBeLessThanOrEqual(300_000);
  });

  it('clamps a misbehaving random into range', () => {
    expect(retryDelayMs(3, DEFAULT_RETRY_POLICY, () => -1)).toBe(0);
    expect(retryDelayMs(3, DEFAULT_RETRY_POLICY, () => NaN)).toBe(0);
    expect(retryDelayMs(3, DEFAULT_RETRY_POLICY, () => 7)).toBe(4000);
  });

  it('spreads delays uniformly over [0, bound] (full jitter)', () => {
    const r = seededRandom(11);
    const n = 20_000;
    const buckets = [0, 0, 0, 0, 0];
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const d = retryDelayMs(4, DEFAULT_RETRY_POLICY, r); // bound 8 s
      sum += d;
      buckets[Math.min(4, Math.floor(d / 1600))]++;
    }
    expect(Math.abs(sum / n - 4000)).toBeLessThan(80); // mean of uniform [0, 8000]
    for (const b of buckets) expect(Math.abs(b - n / 5)).toBeLessThan(250);
  });

  it('is reproducible with the same seed', () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    const xs = Array.from({ length: 8 }, (_, i) => retryDelayMs(i + 1, DEFAULT_RETRY_POLICY, a));
    expect(Array.from({ length: 8 }, (_, i) => retryDelayMs(i + 1, DEFAULT_RETRY_POLICY, b))).toEqual(xs);
  });
});

describe('RetryPolicyInput', () => {
  it('fills the defaults', () => {
    expect(RetryPolicyInput.parse({})).toEqual(DEFAULT_RETRY_POLICY);
    expect(RetryPolicyInput.parse({ capMs: 60_000 })).toEqual({ ...DEFAULT_RETRY_POLICY, capMs: 60_000 });
  });

  it('rejects bad policies with clear messages', () => {
    const messages = (input: unknown) => {
      const r = RetryPolicyInput.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(messages({ baseMs: 0 })).toEqual(['baseMs: baseMs must be a positive number of milliseconds']);
    expect(messages({ factor: 0.5 })).toEqual(['factor: factor must be at least 1 (1 keeps the delay bound constant)']);
    expect(messages({ baseMs: 5000, capMs: 1000 })).toEqual(['capMs: capMs must be at least baseMs']);
    expect(messages({ baseMs: 'soon' })).toEqual(['baseMs: baseMs must be a number of milliseconds']);
    expect(messages({ capMs: Infinity })).toHaveLength(1);
    expect(messages({ jitter: true })).toHaveLength(1);
  });
});
