import { describe, expect, it } from 'vitest';
import {
  advanceClock,
  agingBoundMs,
  effectivePriority,
  orderQueue,
  parseProjectWeights,
  queuePolicy,
  type QueueLoad,
  type QueuedEntry,
} from './queue-policy';

const S = 1_000;
const NOW = 1_000_000;
const policy = queuePolicy({ agingStepMs: S });
const idle: QueueLoad = {
  runningByProject: new Map(),
  activeByKey: new Map(),
  finishByProject: new Map(),
  virtualTime: 0,
};

let seq = 0;
function entry(id: string, over: Partial<QueuedEntry> = {}): QueuedEntry {
  seq++;
  return {
    id,
    rank: 2,
    project: 'default',
    queuedAt: NOW - 10,
    seq,
    concurrencyKey: null,
    concurrencyLimit: null,
    ...over,
  };
}
const ids = (es: QueuedEntry[]) => es.map((e) => e.id);

describe('ageing', () => {
  it('improves the effective priority one level per step, down to critical', () => {
    expect(effectivePriority(4, 0, S)).toBe(4);
    expect(effectivePriority(4, 1.5 * S, S)).toBe(3);
    expect(effectivePriority(4, 4 * S, S)).toBe(0);
    expect(effectivePriority(4, 40 * S, S)).toBe(0);
    expect(effectivePriority(2, -5 * S, S)).toBe(2);
  });

  it('documents the bound: rank times the step', () => {
    expect(agingBoundMs(4, S)).toBe(4 * S);
    expect(agingBoundMs(0, S)).toBe(0);
  });

  it('orders by priority, then oldest first, without ageing', () => {
    const es = [
      entry('bg', { rank: 4 }),
      entry('n1'),
      entry('crit', { rank: 0 }),
      entry('n2'),
      entry('high', { rank: 1 }),
    ];
    expect(ids(orderQueue(es, idle, policy, NOW, 10))).toEqual(['crit', 'high', 'n1', 'n2', 'bg']);
  });

  it('a background task waiting 4 steps competes as critical, ahead of critical work queued after it', () => {
    const es = [
      entry('crit-new', { rank: 0, queuedAt: NOW - 1 }),
      entry('bg-old', { rank: 4, queuedAt: NOW - 4.5 * S }),
      entry('crit-older', { rank: 0, queuedAt: NOW - 5 * S }),
      entry('bg-young', { rank: 4, queuedAt: NOW - 3.5 * S }),
    ];
    expect(ids(orderQueue(es, idle, policy, NOW, 10))).toEqual(['crit-older', 'bg-old', 'crit-new', 'bg-young']);
  });
});

describe('fair share between projects', () => {
  it('interleaves a project with 10 waiting and one with 2', () => {
    const es = [
      ...Array.from({ length: 10 }, (_, i) => entry(`a${i}`, { project: 'a' })),
      entry('b0', { project: 'b' }),
      entry('b1', { project: 'b' }),
    ];
    expect(ids(orderQueue(es, idle, policy, NOW, 6))).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'a3']);
  });

  it('serves the project running fewer tasks per weight first', () => {
    const es = [
      entry('a0', { project: 'a' }),
      entry('a1', { project: 'a' }),
      entry('b0', { project: 'b' }),
      entry('b1', { project: 'b' }),
    ];
    const load = { ...idle, runningByProject: new Map([['a', 2]]) };
    expect(ids(orderQueue(es, load, policy, NOW, 10))).toEqual(['b0', 'b1', 'a0', 'a1']);
    const heavy = queuePolicy({ agingStepMs: S, projectWeights: { a: 4 } });
    expect(ids(orderQueue(es, load, heavy, NOW, 10))).toEqual(['b0', 'a0', 'a1', 'b1']);
  });

  it('keeps the weights when one agent takes one task at a time (the virtual clock breaks ties)', () => {
    const weighted = queuePolicy({ agingStepMs: S, projectWeights: { a: 2 } });
    const served = serveOneAtATime(weighted, { a: 30, b: 30 }, 12);
    expect(served.filter((p) => p === 'a')).toHaveLength(8);
    expect(serveOneAtATime(policy, { a: 10, b: 2 }, 4)).toEqual(['a', 'b', 'a', 'b']);
  });

  it('a project back from an idle spell banks no credit', () => {
    const es = [
      entry('a0', { project: 'a' }),
      entry('a1', { project: 'a' }),
      entry('b0', { project: 'b' }),
      entry('b1', { project: 'b' }),
    ];
    const load: QueueLoad = {
      ...idle,
      finishByProject: new Map([
        ['a', 100],
        ['b', 1],
      ]),
      virtualTime: 99,
    };
    expect(ids(orderQueue(es, load, policy, NOW, 10))).toEqual(['b0', 'a0', 'b1', 'a1']);
  });

  it('advances a clock from the virtual time when it fell behind', () => {
    expect(advanceClock(undefined, 5, 1, 1)).toEqual({ lastStart: 5, finish: 6 });
    expect(advanceClock(2, 5, 2, 2)).toEqual({ lastStart: 5.5, finish: 6 });
    expect(advanceClock(9, 5, 1, 1)).toEqual({ lastStart: 9, finish: 10 });
  });
});

describe('concurrency keys', () => {
  it('returns at most limit − active tasks of a key, the rest of the queue unaffected', () => {
    const es = [
      entry('k0', { concurrencyKey: 'k', concurrencyLimit: 2 }),
      entry('k1', { concurrencyKey: 'k', concurrencyLimit: 2 }),
      entry('k2', { concurrencyKey: 'k', concurrencyLimit: 2 }),
      entry('free'),
    ];
    expect(ids(orderQueue(es, idle, policy, NOW, 10))).toEqual(['k0', 'k1', 'free']);
    const busy = { ...idle, activeByKey: new Map([['k', 1]]) };
    expect(ids(orderQueue(es, busy, policy, NOW, 10))).toEqual(['k0', 'free']);
    expect(
      ids(
        orderQueue(
          [entry('one', { concurrencyKey: 'j' }), entry('two', { concurrencyKey: 'j' })],
          idle,
          policy,
          NOW,
          10,
        ),
      ),
    ).toEqual(['one']);
  });
});

describe('configuration', () => {
  it('parses project weights and names a bad entry', () => {
    expect(parseProjectWeights('alpha=3, beta=0.5')).toEqual({ alpha: 3, beta: 0.5 });
    expect(parseProjectWeights('')).toEqual({});
    for (const bad of ['alpha', 'alpha=0', 'alpha=-1', 'alpha=x', 'a=1=2', '=2']) {
      expect(() => parseProjectWeights(bad)).toThrow(/must look like name=weight/);
    }
  });

  it('refuses an ageing step below 1 ms', () => {
    expect(() => queuePolicy({ agingStepMs: 0 })).toThrow(/agingStepMs/);
    expect(queuePolicy().agingStepMs).toBe(60_000);
  });
});

/** One agent, one task at a time, each finished before the next is chosen: the projects served in order. */
function serveOneAtATime(p: typeof policy, waiting: Record<string, number>, turns: number): string[] {
  let queue = Object.entries(waiting).flatMap(([project, n]) =>
    Array.from({ length: n }, (_, i) => entry(`${project}${i}`, { project })),
  );
  const finish = new Map<string, number>();
  let virtualTime = 0;
  const served: string[] = [];
  for (let i = 0; i < turns; i++) {
    const [head] = orderQueue(queue, { ...idle, finishByProject: finish, virtualTime }, p, NOW, 1);
    queue = queue.filter((e) => e !== head);
    const clock = advanceClock(finish.get(head.project), virtualTime, 1, p.projectWeights[head.project] ?? 1);
    finish.set(head.project, clock.finish);
    virtualTime = Math.max(virtualTime, clock.lastStart);
    served.push(head.project);
  }
  return served;
}
