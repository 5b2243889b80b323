import { describe, expect, it } from 'vitest';
import { fakeRoutingContext, makeAgent, makeTask } from '../testing/fakes';
import { CapabilityWeighted } from './capability-weighted';

const ctx = fakeRoutingContext();
const task = makeTask({ id: 't1', capabilities: ['ts', 'sql'] });
const mixed = makeAgent({
  name: 'mixed',
  capabilities: [
    { name: 'ts', level: 0.9 },
    { name: 'sql', level: 0.5 },
  ],
});
const expertBusy = makeAgent({
  name: 'expert',
  maxConcurrency: 2,
  activeTasks: 1,
  capabilities: [
    { name: 'ts', level: 1 },
    { name: 'sql', level: 1 },
  ],
});
const fair = makeAgent({
  name: 'fair',
  capabilities: [
    { name: 'ts', level: 0.6 },
    { name: 'sql', level: 0.6 },
    { name: 'go', level: 1 },
  ],
});

describe('capability-weighted', () => {
  it('scores mean proficiency on the required capabilities times free capacity', () => {
    const r = new CapabilityWeighted().rank(task, [expertBusy, fair, mixed], ctx);
    expect(r.ranked.map((c) => [c.agentName, c.score, c.terms])).toEqual([
      ['mixed', 0.7, { proficiency: 0.7, freeCapacity: 1 }],
      ['fair', 0.6, { proficiency: 0.6, freeCapacity: 1 }],
      ['expert', 0.5, { proficiency: 1, freeCapacity: 0.5 }],
    ]);
  });

  it('treats a task without capabilities as a neutral 1, leaving load to decide', () => {
    const r = new CapabilityWeighted().rank(makeTask({ id: 't2' }), [expertBusy, fair], ctx);
    expect(r.ranked.map((c) => [c.agentName, c.terms.proficiency])).toEqual([
      ['fair', 1],
      ['expert', 1],
    ]);
  });

  it('takes its exponents as weights: load 0 picks the expert, proficiency 0 the idle agent', () => {
    const skill = new CapabilityWeighted({ load: 0 });
    expect(skill.weights).toEqual({ proficiency: 1, load: 0 });
    expect(skill.rank(task, [mixed, expertBusy], ctx).ranked[0].agentName).toBe('expert');
    expect(new CapabilityWeighted({ proficiency: 0 }).rank(task, [expertBusy, fair], ctx).ranked[0].agentName).toBe(
      'fair',
    );
  });

  it('breaks ties by least recently assigned', () => {
    const s = new CapabilityWeighted();
    const twin = makeAgent({ name: 'twin', capabilities: fair.capabilities });
    expect(s.rank(task, [twin, fair], ctx).ranked[0].agentName).toBe('fair');
    s.assigned(fair.id);
    expect(s.rank(task, [twin, fair], ctx).ranked[0].agentName).toBe('twin');
  });
});
