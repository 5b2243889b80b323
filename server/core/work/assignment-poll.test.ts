import { describe, expect, it } from 'vitest';
import type { Assignment } from '../model';
import type { Clock, Store } from '../ports';
import { AssignmentPoll } from './assignment-poll';

/** Real time: these tests wait on real timers, as long-polls do. */
const systemClockForTests: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

const assignment = (taskId: string): Assignment => ({
  taskId,
  attempt: 1,
  leaseToken: `lease-${taskId}`,
  title: taskId,
  payload: null,
  capabilities: [],
  priority: 'normal',
  contextKey: null,
  timeoutMs: null,
});

/** A store whose only tasks are the assignments waiting per agent; counts reads. */
function fakeStore(waiting: Record<string, Assignment[]>) {
  const reads: string[] = [];
  const store = {
    tasks: {
      deliver: async (agentId: string, limit: number) => {
        reads.push(agentId);
        return (waiting[agentId] ?? []).splice(0, limit);
      },
      agentsAwaitingDelivery: async () => Object.keys(waiting).filter((id) => waiting[id].length),
    },
  } as unknown as Store;
  return { store, reads };
}

describe('assignment poll', () => {
  it('reads the store on an agent’s first poll, then only when told work waits there', async () => {
    const waiting: Record<string, Assignment[]> = { a: [assignment('t1')] };
    const { store, reads } = fakeStore(waiting);
    const poll = new AssignmentPoll(store, () => {}, systemClockForTests);
    expect((await poll.next('a', { max: 2, deadline: Date.now() + 1000 })).map((x) => x.taskId)).toEqual(['t1']);
    waiting.a.push(assignment('t2'));
    // Not told: the poll waits for a hand-off and times out without reading.
    expect(await poll.next('a', { max: 1, deadline: Date.now() + 20 })).toEqual([]);
    expect(reads).toEqual(['a']);
    // The redelivery sweep finds it: the next poll reads it.
    await poll.findAwaitingDelivery();
    expect((await poll.next('a', { max: 1, deadline: Date.now() + 1000 })).map((x) => x.taskId)).toEqual(['t2']);
  });

  it('reads again after an answer that took all it asked for, as more may wait', async () => {
    const { store, reads } = fakeStore({ a: [assignment('t1'), assignment('t2')] });
    const poll = new AssignmentPoll(store, () => {}, systemClockForTests);
    expect((await poll.next('a', { max: 1, deadline: Date.now() + 1000 })).map((x) => x.taskId)).toEqual(['t1']);
    expect((await poll.next('a', { max: 1, deadline: Date.now() + 1000 })).map((x) => x.taskId)).toEqual(['t2']);
    expect(reads).toEqual(['a', 'a']);
  });

  it('wakes a waiting poll when an assignment is written to the store for its agent', async () => {
    const waiting: Record<string, Assignment[]> = { a: [] };
    const { store } = fakeStore(waiting);
    const poll = new AssignmentPoll(store, () => {}, systemClockForTests);
    await poll.next('a', { max: 1, deadline: Date.now() }); // first poll: reads, finds nothing
    const pending = poll.next('a', { max: 2, deadline: Date.now() + 5000 });
    await new Promise((r) => setTimeout(r, 10));
    waiting.a.push(assignment('t3'), assignment('t4'));
    poll.assignedInStore('a');
    expect((await pending).map((x) => x.taskId)).toEqual(['t3', 't4']);
  });

  it('collects every hand-off one dispatch pass gives, up to max', async () => {
    const { store } = fakeStore({});
    const poll = new AssignmentPoll(store, () => {}, systemClockForTests);
    await poll.next('a', { max: 1, deadline: Date.now() });
    const pending = poll.next('a', { max: 3, deadline: Date.now() + 5000 });
    await new Promise((r) => setTimeout(r, 10));
    const gives = [poll.waiters.claim('a'), poll.waiters.claim('a')];
    gives.forEach((give, i) => give!(assignment(`h${i}`)));
    expect((await pending).map((x) => x.taskId)).toEqual(['h0', 'h1']);
    expect(poll.waiters.waiting).toBe(0);
  });
});
