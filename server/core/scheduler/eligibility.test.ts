import { describe, expect, it } from 'vitest';
import { NEUTRAL_SIGNALS, type AgentSignals } from '../balancing/strategy';
import { makeAgent, makeTask } from '../testing/fakes';
import { describeExcluded, findEligible, MAX_EXCLUDED_RECORDED, summariseExcluded } from './eligibility';
import { partitionCandidates } from './match';
import { RosterIndex } from './roster-index';
import { syntheticFleet } from './synthetic-fleet';

describe('eligibility at scale', () => {
  it('gives the naive split: same eligible agents, same named and summarised exclusions (random fleets)', () => {
    let summarised = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const fleet = syntheticFleet({
        agents: 10 + seed * 23,
        capabilities: 4 + (seed % 8),
        seed,
        unavailable: (seed % 5) / 10,
      });
      const signals = (id: string) => fleet.signals.get(id) ?? NEUTRAL_SIGNALS;
      const index = new RosterIndex(fleet.agents);
      for (let t = 0; t < 15; t++) {
        const task = fleet.task(`t${t}`, [0, 3]);
        // Now and then a capability twice, or one nobody has.
        if (t % 5 === 4 && task.capabilities.length) task.capabilities.push(task.capabilities[0]);
        if (t % 7 === 6) task.capabilities.push('nobody-has-this');
        const naive = partitionCandidates(task, fleet.agents, signals);
        const found = findEligible(task, index, signals);
        expect(found.agents).toEqual(naive.eligible);
        const { excluded, excludedCount } = describeExcluded(task, index, found, signals);
        expect(excludedCount).toBe(naive.excluded.length);
        expect(excluded).toEqual(summariseExcluded(naive.excluded));
        if (naive.excluded.length > MAX_EXCLUDED_RECORDED) summarised++;
        // The pass goes on: an eligible agent takes the task, as the dispatcher would.
        if (found.positions.length) index.assigned(found.positions[0]);
      }
    }
    expect(summarised).toBeGreaterThan(100);
  });

  it('names the first excluded agents, then one line per reason, most common first', () => {
    const py = [{ name: 'python', level: 1 }];
    const agents = [
      ...Array.from({ length: 30 }, (_, i) =>
        makeAgent({ name: `rust-${i}`, capabilities: [{ name: 'rust', level: 1 }] }),
      ),
      ...Array.from({ length: 3 }, (_, i) => makeAgent({ name: `asleep-${i}`, capabilities: py, status: 'sleeping' })),
      ...Array.from({ length: 4 }, (_, i) => makeAgent({ name: `tripped-${i}`, capabilities: py })),
      ...Array.from({ length: 2 }, (_, i) =>
        makeAgent({ name: `full-${i}`, capabilities: py, activeTasks: 2, maxConcurrency: 2 }),
      ),
      makeAgent({ name: 'ok', capabilities: py }),
    ];
    const open: AgentSignals = { ...NEUTRAL_SIGNALS, breaker: 'open' };
    const signals = (id: string) => (id.startsWith('agt_tripped') ? open : NEUTRAL_SIGNALS);
    const task = makeTask({ id: 't', capabilities: ['python'] });
    const index = new RosterIndex(agents);
    const found = findEligible(task, index, signals);
    expect(found.agents.map((a) => a.name)).toEqual(['ok']);
    const { excluded, excludedCount } = describeExcluded(task, index, found, signals);
    expect(excludedCount).toBe(39);
    expect(excluded.slice(0, MAX_EXCLUDED_RECORDED).every((e) => e.reason === 'missing capability `python`')).toBe(
      true,
    );
    expect(excluded.slice(MAX_EXCLUDED_RECORDED)).toEqual([
      { agentId: '', agentName: '5 more agents', reason: 'missing capability `python`' },
      { agentId: '', agentName: '4 more agents', reason: 'breaker open' },
      { agentId: '', agentName: '3 more agents', reason: 'sleeping' },
      { agentId: '', agentName: '2 more agents', reason: 'at capacity (2/2)' },
    ]);
  });

  it('keeps a small exclusion list whole', () => {
    expect(summariseExcluded([{ agentId: 'a', agentName: 'a', reason: 'sleeping' }])).toEqual([
      { agentId: 'a', agentName: 'a', reason: 'sleeping' },
    ]);
  });
});
