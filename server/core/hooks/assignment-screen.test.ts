import { describe, expect, it } from 'vitest';
import { LeastLoaded } from '../balancing/least-loaded';
import type { Assignment, Task } from '../model';
import type { Store } from '../ports';
import { Dispatcher } from '../scheduler/dispatcher';
import type { PlannedAssignment } from '../tasks/ports';
import { makeAgent, makeTask, nullMetrics, silentLogger } from '../testing/fakes';
import { ManualClock } from '../testing/manual-clock';
import { MemoryHooks } from '../testing/memory-hooks';
import { createAssignmentScreen } from './assignment-screen';
import { PreAssignGate } from './pre-assign-gate';
import type { AssignmentReviewer } from './reviewer';

/** A store for dispatch passes that, like the database, skips tasks held until later. */
function setup(answer: (taskId: string) => unknown) {
  const clock = new ManualClock();
  const tasks: Task[] = [makeTask({ id: 't1', title: 'deploy' })];
  const hooks = new MemoryHooks(() => clock.now(), tasks);
  const applied: PlannedAssignment[] = [];
  const store = {
    tasks: {
      queued: async () => tasks.filter((t) => t.status === 'queued' && !(t.hookHold && t.hookHold.until > clock.now())),
      assign: async (plans: PlannedAssignment[]) =>
        plans.map((p) => {
          applied.push(p);
          const t = tasks.find((x) => x.id === p.taskId)!;
          t.status = 'assigned';
          hooks.assigned(t.id);
          return { taskId: t.id, agentId: p.agentId, attempt: 1, waitedMs: 1, priority: t.priority };
        }),
    },
    agents: { live: async () => [makeAgent({ name: 'w1' })] },
  } as unknown as Store;
  const asked: string[] = [];
  const reviewer: AssignmentReviewer = {
    label: 'hook gatekeeper',
    timeoutMs: 2_000,
    failMode: 'closed',
    ask: async (req) => {
      asked.push(req.task.id);
      return answer(req.task.id);
    },
  };
  const gate = new PreAssignGate(async () => [reviewer], clock, silentLogger);
  const handed: (Assignment | null)[] = [];
  const handoff = { claim: () => (a: Assignment | null) => void handed.push(a) };
  const dispatcher = new Dispatcher(store, nullMetrics, silentLogger, new LeastLoaded(), handoff, {
    now: () => clock.now(),
    screen: createAssignmentScreen(gate, hooks, silentLogger),
  });
  return { clock, tasks, applied, asked, handed, dispatcher };
}

describe('pre-assignment hooks in dispatch', () => {
  it('holds a vetoed task with a doubling backoff, not asking again before it ends, and records the veto', async () => {
    let allow = false;
    const s = setup(() => (allow ? { allow: true } : { allow: false, reason: 'change freeze' }));
    expect(await s.dispatcher.dispatchOnce()).toEqual({ considered: 1, assigned: 0, more: true });
    expect(s.applied).toEqual([]);
    // The poll claimed for it is answered: nothing.
    expect(s.handed).toEqual([null]);
    const reason = (await s.dispatcher.explainPending(s.tasks)).get('t1');
    expect(reason).toEqual({
      code: 'hook-held',
      message: 'vetoed by hook gatekeeper: change freeze; offered again in ~5 s',
    });

    s.clock.advance(4_999);
    await s.dispatcher.dispatchOnce();
    expect(s.asked).toEqual(['t1']);
    s.clock.advance(1);
    await s.dispatcher.dispatchOnce();
    expect(s.asked).toEqual(['t1', 't1']);
    // Second hold in a row: 10 s.
    s.clock.advance(9_999);
    await s.dispatcher.dispatchOnce();
    expect(s.asked).toHaveLength(2);
    s.clock.advance(1);
    allow = true;
    expect(await s.dispatcher.dispatchOnce()).toMatchObject({ assigned: 1 });
    expect(s.asked).toHaveLength(3);
    expect(s.applied[0].decision.hookNote).toBe('earlier vetoed by hook gatekeeper: change freeze');
    expect(s.tasks[0].hookHold).toBeNull();
  });

  it('writes an amend before assigning and notes it in the decision', async () => {
    const s = setup(() => ({ allow: true, amend: { labels: { team: 'infra' }, priority: 'high', note: 'escalated' } }));
    expect(await s.dispatcher.dispatchOnce()).toMatchObject({ assigned: 1 });
    expect(s.tasks[0]).toMatchObject({ priority: 'high', labels: { team: 'infra' }, status: 'assigned' });
    expect(s.applied[0].decision.hookNote).toBe('amended by hook gatekeeper: escalated');
  });

  it('holds the task when a fail-closed hook answers something malformed', async () => {
    const s = setup(() => ({ allow: true, amend: { capabilities: ['gpu'] } }));
    await s.dispatcher.dispatchOnce();
    expect(s.applied).toEqual([]);
    expect(s.tasks[0].hookHold?.reason).toMatch(/^hook gatekeeper failed \(malformed answer .*\) \(fail-closed\)$/);
  });
});
