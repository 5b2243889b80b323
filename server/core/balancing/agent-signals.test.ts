import { describe, expect, it } from 'vitest';
import { AgentSignalsTracker } from './agent-signals';
import { NEUTRAL_SIGNALS } from './strategy';

describe('AgentSignalsTracker', () => {
  it('gives neutral signals for an agent it has not seen', () => {
    expect(new AgentSignalsTracker().signals('agt_x')).toEqual(NEUTRAL_SIGNALS);
  });

  it('computes success rate and median latency of successes over a sliding window', () => {
    const t = new AgentSignalsTracker({ window: 4 });
    t.recordOutcome('a', { ok: true, durationMs: 100, at: 1 });
    t.recordOutcome('a', { ok: false, durationMs: 5, at: 2 });
    t.recordOutcome('a', { ok: true, durationMs: 300, at: 3 });
    expect(t.signals('a')).toMatchObject({ successRate: 2 / 3, latencyMs: 200 });
    t.recordOutcome('a', { ok: true, durationMs: null, at: 4 });
    t.recordOutcome('a', { ok: true, durationMs: 400, at: 5 }); // pushes out the first (100 ms)
    expect(t.signals('a')).toMatchObject({ successRate: 0.75, latencyMs: 350 });
    // A late report lands in time order, and falls out of the window first.
    t.recordOutcome('a', { ok: false, durationMs: null, at: 0 });
    expect(t.signals('a')).toMatchObject({ successRate: 0.75, latencyMs: 350 });
  });

  it('defaults to a window of 20 outcomes', () => {
    const t = new AgentSignalsTracker();
    for (let i = 0; i < 30; i++) t.recordOutcome('a', { ok: i >= 15, durationMs: 10, at: i });
    expect(t.signals('a').successRate).toBe(15 / 20);
  });

  it('keeps the most recent context keys per agent and indexes their holders', () => {
    const t = new AgentSignalsTracker({ contextKeysPerAgent: 3 });
    for (const k of ['k1', 'k2', 'k3', 'k1', 'k4']) t.recordContext('a', k);
    t.recordContext('b', 'k1');
    expect(t.signals('a').contextKeys).toEqual(['k4', 'k1', 'k3']);
    expect(t.holdersOf('k1').sort()).toEqual(['a', 'b']);
    expect(t.holdersOf('k2')).toEqual([]);
    t.forget('a');
    expect(t.holdersOf('k1')).toEqual(['b']);
    expect(t.holdersOf('k4')).toEqual([]);
    expect(t.signals('a')).toEqual(NEUTRAL_SIGNALS);
  });

  it('clamps health and records the breaker state', () => {
    const t = new AgentSignalsTracker();
    t.setHealth('a', 1.7);
    expect(t.signals('a').health).toBe(1);
    t.setHealth('a', 0.4);
    t.setBreaker('a', 'half-open');
    expect(t.signals('a')).toEqual({ ...NEUTRAL_SIGNALS, health: 0.4, breaker: 'half-open' });
    t.setHealth('a', Number.NaN);
    expect(t.signals('a').health).toBe(0);
  });

  it('never mutates signals it handed out', () => {
    const t = new AgentSignalsTracker();
    t.recordContext('a', 'k1');
    const before = t.signals('a');
    t.recordContext('a', 'k2');
    t.setHealth('a', 0.5);
    expect(before).toEqual({ ...NEUTRAL_SIGNALS, contextKeys: ['k1'] });
    expect(NEUTRAL_SIGNALS).toEqual({
      contextKeys: [],
      successRate: null,
      latencyMs: null,
      health: 1,
      breaker: 'closed',
    });
  });

  it('bounds memory by dropping the least recently updated agent and its index entries', () => {
    const t = new AgentSignalsTracker({ maxAgents: 2 });
    t.recordContext('a', 'k');
    t.recordContext('b', 'k');
    t.setHealth('a', 0.5); // a is now the most recently updated
    t.recordContext('c', 'k');
    expect(t.size).toBe(2);
    expect(t.signals('b')).toEqual(NEUTRAL_SIGNALS);
    expect(t.holdersOf('k').sort()).toEqual(['a', 'c']);
  });
});
