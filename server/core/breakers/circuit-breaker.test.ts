import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fakes';
import { CircuitBreaker, type BreakerTransition } from './circuit-breaker';
import type { BreakerPolicyInput } from './breaker-policy';
import { userRef } from '../testing/actors';

function setup(policy?: BreakerPolicyInput) {
  const clock = new FakeClock();
  const transitions: BreakerTransition[] = [];
  const b = new CircuitBreaker({
    key: 'agent:a',
    now: () => clock.now(),
    policy,
    onTransition: (t) => transitions.push(t),
  });
  const feed = (pattern: string) => {
    for (const c of pattern) b.record(c === '.');
  }; // '.' ok, 'x' failed
  return { clock, b, transitions, feed };
}

/** Opens a default breaker by 5 consecutive failures. */
function tripped() {
  const s = setup();
  s.feed('xxxxx');
  return s;
}

describe('CircuitBreaker window', () => {
  it('opens at exactly 50 % once it has 5 calls, not with 4', () => {
    const four = setup();
    four.feed('x.x.'); // 50 %, but 4 calls
    expect(four.b.state()).toBe('closed');
    four.feed('x'); // 3 of 5
    expect(four.b.state()).toBe('open');
    expect(four.transitions[0]).toMatchObject({
      key: 'agent:a',
      from: 'closed',
      to: 'open',
      reason: '3 of 5 calls failed (60 %)',
    });

    const half = setup();
    half.feed('..x.x.x.x'); // 4 of 9
    expect(half.b.state()).toBe('closed');
    half.feed('x'); // 5 of 10
    expect(half.b.state()).toBe('open');
    expect(half.transitions[0].reason).toBe('5 of 10 calls failed (50 %)');
  });

  it('checks the rate when a success brings the window to the minimum', () => {
    const { b, feed, transitions } = setup();
    feed('xx.x');
    expect(b.state()).toBe('closed');
    feed('.');
    expect(transitions.map((t) => t.reason)).toEqual(['3 of 5 calls failed (60 %)']);
  });

  it('slides: old outcomes leave the window', () => {
    const { b, feed } = setup();
    feed('.'.repeat(16) + 'xxxx');
    expect(b.snapshot()).toMatchObject({
      state: 'closed',
      calls: 20,
      failures: 4,
      failureRate: 0.2,
      consecutiveFailures: 4,
    });
    feed('.'.repeat(20));
    expect(b.snapshot()).toMatchObject({ state: 'closed', calls: 20, failures: 0, consecutiveFailures: 0 });
    feed('x.x.x.x.x.' + 'x.x.x.x.'); // 9 of the last 20
    expect(b.snapshot()).toMatchObject({ state: 'closed', failures: 9, failureRate: 0.45 });
    feed('x');
    expect(b.snapshot()).toMatchObject({
      state: 'open',
      calls: 20,
      failures: 10,
      reason: '10 of 20 calls failed (50 %)',
    });
  });

  it('opens on 5 consecutive failures even under the failure rate', () => {
    const { b, feed, transitions } = setup();
    feed('.'.repeat(15) + 'xxxx');
    expect(b.state()).toBe('closed');
    feed('x');
    expect(b.state()).toBe('open');
    expect(transitions[0].reason).toBe('5 consecutive failures');
  });
});

describe('CircuitBreaker cool-down and probe', () => {
  it('turns half-open lazily once the cool-down elapsed, stamped with its end', () => {
    const { b, clock, transitions } = tripped();
    const opened = clock.now();
    expect(b.snapshot()).toMatchObject({
      state: 'open',
      openedAt: opened,
      reopensAt: opened + 30_000,
      coolDownMs: 30_000,
    });
    clock.advance(29_999);
    expect(b.state()).toBe('open');
    clock.advance(5_000);
    expect(b.state()).toBe('half-open');
    expect(transitions[1]).toEqual({
      key: 'agent:a',
      from: 'open',
      to: 'half-open',
      reason: 'cool-down 30 s elapsed',
      at: opened + 30_000,
    });
  });

  it('lets exactly one probe through until it reports', () => {
    const { b, clock } = tripped();
    expect(b.tryAcquireProbe()).toBe(false); // still open
    clock.advance(30_000);
    expect(b.allows()).toBe(true);
    expect(b.tryAcquireProbe()).toBe(true);
    expect(b.tryAcquireProbe()).toBe(false);
    expect(b.allows()).toBe(false);
    expect(b.snapshot()).toMatchObject({ state: 'half-open', probeInFlight: true });
    b.releaseProbe(); // the assignment fell through
    expect(b.tryAcquireProbe()).toBe(true);
    b.record(true);
    expect(b.snapshot()).toMatchObject({ state: 'closed', probeInFlight: false, calls: 0, reason: 'probe succeeded' });
    expect(b.tryAcquireProbe()).toBe(false); // nothing to probe when closed
  });

  it('doubles the cool-down on each failed probe up to the cap, and resets it after a success', () => {
    const { b, clock, transitions } = tripped();
    const coolDowns: number[] = [];
    for (let i = 0; i < 6; i++) {
      clock.advance(b.snapshot().coolDownMs);
      expect(b.tryAcquireProbe()).toBe(true);
      b.record(false);
      coolDowns.push(b.snapshot().coolDownMs);
    }
    expect(coolDowns).toEqual([60_000, 120_000, 240_000, 300_000, 300_000, 300_000]);
    expect(
      transitions
        .filter((t) => t.from === 'half-open')
        .map((t) => t.reason)
        .slice(0, 4),
    ).toEqual([
      'probe failed; cool-down now 60 s',
      'probe failed; cool-down now 2 min',
      'probe failed; cool-down now 4 min',
      'probe failed; cool-down now 5 min',
    ]);
    clock.advance(299_999);
    expect(b.state()).toBe('open');
    clock.advance(1);
    b.tryAcquireProbe();
    b.record(true);
    expect(b.snapshot()).toMatchObject({ state: 'closed', coolDownMs: 30_000 });
    b.record(false);
    expect(b.state()).toBe('closed'); // the window started afresh
    for (let i = 0; i < 4; i++) b.record(false);
    expect(b.snapshot()).toMatchObject({ state: 'open', reopensAt: clock.now() + 30_000 });
  });

  it('lets a late outcome decide in half-open, and ignores outcomes while open', () => {
    const { b, clock, feed } = tripped();
    feed('....');
    expect(b.snapshot()).toMatchObject({ state: 'open', calls: 9, failures: 5 });
    clock.advance(30_000);
    b.record(false); // a call from before the opening, finishing after the cool-down
    expect(b.snapshot()).toMatchObject({ state: 'open', coolDownMs: 60_000 });
  });
});

describe('CircuitBreaker operator actions', () => {
  it('stays forced open past any cool-down until reset, recording who', () => {
    const { b, clock, transitions } = setup();
    b.forceOpen(userRef('alice'));
    expect(b.snapshot()).toMatchObject({ state: 'open', forcedBy: userRef('alice'), reopensAt: null });
    clock.advance(24 * 3600_000);
    b.record(true);
    expect(b.state()).toBe('open');
    expect(b.tryAcquireProbe()).toBe(false);
    b.reset(userRef('bob'));
    expect(b.snapshot()).toMatchObject({ state: 'closed', forcedBy: null, reason: 'reset by bob' });
    expect(transitions).toEqual([
      {
        key: 'agent:a',
        from: 'closed',
        to: 'open',
        reason: 'forced open by alice',
        at: 1_700_000_000_000,
        by: userRef('alice'),
      },
      { key: 'agent:a', from: 'open', to: 'closed', reason: 'reset by bob', at: 1_700_086_400_000, by: userRef('bob') },
    ]);
  });

  it('reset clears the window and the doubled cool-down', () => {
    const { b, clock } = tripped();
    clock.advance(30_000);
    b.tryAcquireProbe();
    b.record(false);
    expect(b.snapshot().coolDownMs).toBe(60_000);
    b.reset(userRef('alice'));
    expect(b.snapshot()).toMatchObject({
      state: 'closed',
      calls: 0,
      failures: 0,
      consecutiveFailures: 0,
      coolDownMs: 30_000,
      openedAt: null,
    });
  });

  it('honours a custom policy', () => {
    const { b, feed, transitions } = setup({
      window: 4,
      minCalls: 2,
      failureRate: 1,
      consecutiveFailures: 3,
      coolDownMs: 500,
      maxCoolDownMs: 500,
    });
    feed('x.x');
    expect(b.state()).toBe('closed');
    feed('xx');
    expect(transitions[0].reason).toBe('3 consecutive failures');
    expect(() => new CircuitBreaker({ key: 'k', now: () => 0, policy: { window: 3, minCalls: 4 } })).toThrow(
      /minCalls must not exceed window/,
    );
  });
});
