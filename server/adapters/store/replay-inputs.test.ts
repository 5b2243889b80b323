import { describe, expect, it } from 'vitest';
import type { CandidateSnapshot } from '@/server/core/scheduler/decide';
import { packReplayInputs, unpackReplayInputs } from './replay-inputs';

describe('replay inputs storage', () => {
  it('round-trips every field, and reads unpacked snapshots too', () => {
    const snapshot: CandidateSnapshot[] = [
      {
        agentId: 'agt_a',
        capabilities: [{ name: 'python', level: 0.8 }],
        signals: { contextKeys: ['repo:web'], successRate: 0.9, latencyMs: 1200, health: 1, breaker: 'half-open' },
      },
      {
        agentId: 'agt_b',
        capabilities: [],
        signals: { contextKeys: [], successRate: null, latencyMs: null, health: 0.5, breaker: 'closed' },
      },
    ];
    const packed = packReplayInputs(snapshot)!;
    expect(unpackReplayInputs(packed)).toEqual(snapshot);
    expect(unpackReplayInputs(JSON.parse(packed))).toEqual(snapshot);
    expect(unpackReplayInputs(snapshot)).toEqual(snapshot);
    expect(packed.length).toBeLessThan(JSON.stringify(snapshot).length * 0.6);
    expect(packReplayInputs(undefined)).toBeNull();
  });
});
