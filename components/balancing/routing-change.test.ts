import { describe, expect, it } from 'vitest';
import { describeRoutingChange, weightChanges } from './routing-change';
import { draftProblems } from './strategy-draft';

describe('routing change notices', () => {
  it('name the strategy switched to, or the weights changed with their old and new values', () => {
    const composite = { strategy: 'composite', weights: { load: 3, health: 1 } };
    expect(describeRoutingChange(composite, { strategy: 'least-loaded', weights: {} })).toBe(
      'Routing switched to least-loaded',
    );
    expect(describeRoutingChange(composite, { strategy: 'composite', weights: { load: 5, health: 1 } })).toBe(
      'Routing weights of composite changed: load 3 → 5',
    );
    expect(describeRoutingChange(composite, composite)).toBe('Routing kept composite, weights unchanged');
    expect(weightChanges({ load: 3 }, { load: 0.125, affinity: 2 })).toBe('load 3 → 0.125, affinity — → 2');
  });

  it('find the weights the server would refuse before a confirmation is asked', () => {
    expect(
      draftProblems({ name: 'composite', weights: { load: '-1', health: '', latency: 'abc', affinity: '2' } }),
    ).toEqual({
      load: 'weight "load" must be a finite number ≥ 0',
      latency: 'weight "latency" must be a finite number ≥ 0',
    });
  });
});
