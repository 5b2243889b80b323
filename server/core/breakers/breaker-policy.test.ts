import { describe, expect, it } from 'vitest';
import { BreakerPolicyInput, DEFAULT_BREAKER_POLICY, formatDuration, formatPercent } from './breaker-policy';

describe('BreakerPolicyInput', () => {
  it("defaults to the issue's numbers", () => {
    expect(BreakerPolicyInput.parse({})).toEqual(DEFAULT_BREAKER_POLICY);
    expect(DEFAULT_BREAKER_POLICY).toEqual({
      window: 20,
      minCalls: 5,
      failureRate: 0.5,
      consecutiveFailures: 5,
      coolDownMs: 30_000,
      maxCoolDownMs: 300_000,
    });
  });

  it('explains what is wrong', () => {
    const messages = (input: unknown) => {
      const r = BreakerPolicyInput.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(messages({ window: 0 })).toContain('window: window must hold at least 1 call');
    expect(messages({ failureRate: 0 })).toEqual(['failureRate: failureRate must be above 0']);
    expect(messages({ failureRate: 1.5 })).toEqual(['failureRate: failureRate must be at most 1']);
    expect(messages({ window: 4 })).toEqual(['minCalls: minCalls must not exceed window']);
    expect(messages({ coolDownMs: 600_000 })).toEqual(['maxCoolDownMs: maxCoolDownMs must be at least coolDownMs']);
    expect(messages({ consecutiveFailures: 2.5 })).toEqual([
      'consecutiveFailures: consecutiveFailures must be a whole number',
    ]);
    expect(messages({ windw: 10 })).toHaveLength(1);
  });
});

describe('formatting for reasons', () => {
  it('says durations and shares briefly', () => {
    expect([500, 30_000, 60_000, 90_000, 120_000, 300_000, 1_500].map(formatDuration)).toEqual([
      '500 ms',
      '30 s',
      '60 s',
      '90 s',
      '2 min',
      '5 min',
      '1.5 s',
    ]);
    expect([0.5, 0.55, 1 / 3].map(formatPercent)).toEqual(['50 %', '55 %', '33 %']);
  });
});
