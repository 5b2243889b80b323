import { describe, expect, it } from 'vitest';
import type { Agent } from '../model';
import { makeAgent } from '../testing/fakes';
import { RosterIndex } from './roster-index';
import { syntheticFleet } from './synthetic-fleet';

const caps = (...names: string[]) => names.map((name) => ({ name, level: 1 }));
const holdsAll = (a: Agent, required: string[]) => required.every((c) => a.capabilities.some((x) => x.name === c));

describe('roster index', () => {
  it('finds the agents holding every required capability, whatever their state', () => {
    const index = new RosterIndex([
      makeAgent({ name: 'a', capabilities: caps('py', 'gpu') }),
      makeAgent({ name: 'b', capabilities: caps('py') }),
      makeAgent({ name: 'c', capabilities: caps('gpu', 'py', 'py'), status: 'sleeping' }),
    ]);
    expect([...index.capable(['py', 'gpu'])]).toEqual([0, 2]);
    expect([...index.capable(['py'])]).toEqual([0, 1, 2]);
    expect([...index.capable([])]).toEqual([0, 1, 2]);
    expect([...index.capable(['py', 'tpu'])]).toEqual([]);
    expect(index.holderCount('py')).toBe(3);
  });

  it('intersects posting lists exactly like a naive filter on random fleets', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const fleet = syntheticFleet({ agents: 50 + seed * 37, capabilities: 6 + (seed % 10), seed });
      const index = new RosterIndex(fleet.agents);
      for (let t = 0; t < 20; t++) {
        const required = fleet.task(`t${t}`, [0, 4]).capabilities;
        const naive = fleet.agents.flatMap((a, i) => (holdsAll(a, required) ? [i] : []));
        expect([...index.capable(required)]).toEqual(naive);
      }
    }
  });

  it('counts routable agents by the capabilities they lack, without walking the roster', () => {
    const index = new RosterIndex([
      makeAgent({ name: 'both', capabilities: caps('py', 'gpu') }),
      makeAgent({ name: 'py', capabilities: caps('py') }),
      makeAgent({ name: 'gpu', capabilities: caps('gpu') }),
      makeAgent({ name: 'none-1' }),
      makeAgent({ name: 'none-2', capabilities: caps('rust') }),
      makeAgent({ name: 'asleep', status: 'sleeping' }),
    ]);
    // Bit 0 = py, bit 1 = gpu: lacking gpu only, py only, both.
    expect(index.missingByMask(['py', 'gpu'])).toEqual(
      new Map([
        [2, 1],
        [1, 1],
        [3, 2],
      ]),
    );
    // Again: the scratch arrays were left clean.
    expect(index.missingByMask(['py', 'gpu'])).toEqual(
      new Map([
        [2, 1],
        [1, 1],
        [3, 2],
      ]),
    );
    expect(index.missingByMask([])).toEqual(new Map());
    expect(index.missingByMask(Array.from({ length: 20 }, (_, i) => `c${i}`))).toBeNull();
  });

  it('counts assignments against the agent in place and tracks free slots', () => {
    const agents = [
      makeAgent({ name: 'a', maxConcurrency: 2 }),
      makeAgent({ name: 'b', status: 'draining', maxConcurrency: 5 }),
    ];
    const index = new RosterIndex(agents);
    expect(index.freeSlots).toBe(2);
    index.assigned(index.indexOf('agt_a'));
    expect(agents[0].activeTasks).toBe(1);
    expect(index.freeSlots).toBe(1);
    index.assigned(0);
    expect(index.isFull(0)).toBe(true);
    expect(index.freeSlots).toBe(0);
    expect(index.freeAgents()).toEqual([]);
    expect(index.indexOf('agt_nobody')).toBe(-1);
  });
});
