import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT_POLICY } from '../context/context-policy';
import { makeAgent, makeTask } from '../testing/fakes';
import { holdLabel, holdReason, markHolds } from './agent-hold';
import { explainPending } from './pending-reasons';
import { RosterIndex } from './roster-index';
import { NEUTRAL_SIGNALS } from '../balancing/strategy';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const hold = (over: Parameters<typeof makeAgent>[0]) => holdReason(makeAgent(over), NOW, DEFAULT_CONTEXT_POLICY);

describe('agent holds', () => {
  it('a stopping worker, a rate limit not yet lifted, a context nearly or wholly full; nothing otherwise', () => {
    expect(hold({ name: 'a' })).toBeNull();
    expect(hold({ name: 'a', activity: { state: 'stopping', detail: null, at: NOW } })).toBe(
      'stopping (its worker is shutting down)',
    );
    expect(hold({ name: 'a', parkedUntil: NOW + 90_000 })).toBe('rate-limited until 12:01:30 UTC');
    expect(hold({ name: 'a', parkedUntil: NOW - 1 })).toBeNull();
    expect(hold({ name: 'a', contextUsed: 88, contextWindow: 100 })).toBe('consolidating context (88 %)');
    expect(hold({ name: 'a', contextUsed: 97, contextWindow: 100 })).toBe('context full (97 %)');
    expect(hold({ name: 'a', contextUsed: 50, contextWindow: 100 })).toBeNull();
  });

  it('labels count holds of one kind together', () => {
    expect(holdLabel('rate-limited until 12:01:30 UTC')).toBe('rate-limited');
    expect(holdLabel('context full (97 %)')).toBe('context full');
    expect(holdLabel('stopping (its worker is shutting down)')).toBe('stopping');
  });

  it('a held agent takes no work, and the pending reason says why', () => {
    const py = [{ name: 'python', level: 1 }];
    const roster = [
      makeAgent({ name: 'stopping', capabilities: py, activity: { state: 'stopping', detail: null, at: NOW } }),
      makeAgent({ name: 'limited', capabilities: py, parkedUntil: NOW + 60_000 }),
    ];
    markHolds(roster, NOW, DEFAULT_CONTEXT_POLICY);
    const index = new RosterIndex(roster);
    expect(index.freeSlots).toBe(0);
    const reason = explainPending(makeTask({ id: 't', capabilities: ['python'] }), {
      index,
      signals: () => NEUTRAL_SIGNALS,
    });
    expect(reason.message).toMatch(/stopping/);
    expect(reason.message).toMatch(/rate-limited/);
  });
});
