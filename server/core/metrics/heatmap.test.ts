import { describe, expect, it } from 'vitest';
import type { UtilisationSample } from './ports';
import { buildHeatmap } from './heatmap';
import type { BucketPlan } from './time-range';

const plan: BucketPlan = { range: '15m', from: 0, to: 40_000, bucketMs: 10_000, count: 4 };
const named = (key: string) =>
  key.startsWith('gone') ? { agentId: null, name: key } : { agentId: key, name: `name-${key}` };
const sample = (
  at: number,
  utilisation: Record<string, number>,
  mean: number | null,
  agents: number,
): UtilisationSample => ({ at, utilisation, mean, agents });

describe('utilisation heatmap', () => {
  it('has a row per agent, busiest first, with cell means per column and gaps where nothing was recorded', () => {
    const h = buildHeatmap(
      [
        sample(0, { a: 0.5, b: 1 }, 0.75, 2),
        sample(5_000, { a: 1, b: 1 }, 1, 2),
        sample(20_000, { a: 0, b: 0.5 }, 0.25, 2),
        sample(99_000, { a: 1 }, 1, 1), // outside the range
      ],
      plan,
      named,
    );
    expect(h.rows.map((r) => r.name)).toEqual(['name-b', 'name-a']);
    expect(h.rows[0]).toMatchObject({ agentId: 'b', cells: [1, null, 0.5, null], mean: 0.8333 });
    expect(h.rows[1].cells).toEqual([0.75, null, 0, null]);
    expect(h.others).toBeNull();
    expect(h.columns).toBe(4);
  });

  it('keeps the rows bounded at 1,000 agents and averages the rest into one row from the fleet mean', () => {
    // 1,000 agents: the sample records the 30 busiest (all full); the fleet mean is 0.1.
    const busiest = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`agent-${String(i).padStart(4, '0')}`, 1]),
    );
    const h = buildHeatmap([sample(0, busiest, 0.1, 1_000)], plan, named, 24);
    expect(h.rows).toHaveLength(24);
    // The 976 others hold 1000 × 0.1 − 24 = 76 slots' worth: 76 / 976 each.
    expect(h.others?.count).toBe(976);
    expect(h.others?.cells[0]).toBeCloseTo(76 / 976, 4);
    expect(h.others?.cells.slice(1)).toEqual([null, null, null]);
  });

  it('names agents that are gone by their recorded key, without a link', () => {
    const h = buildHeatmap([sample(0, { 'gone-1': 0.2 }, 0.2, 1)], plan, named);
    expect(h.rows[0]).toMatchObject({ agentId: null, name: 'gone-1' });
  });
});
