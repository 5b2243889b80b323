import { describe, expect, it, vi } from 'vitest';
import { makeAgent, makeTask, silentLogger } from '../testing/fakes';
import { ManualClock } from '../testing/manual-clock';
import type { PreAssignRequest } from './pre-assign-answer';
import { PreAssignGate } from './pre-assign-gate';
import type { AssignmentReviewer } from './reviewer';

/** A reviewer whose answers the test gives, per task id, when it likes. */
function scripted(label: string, failMode: 'open' | 'closed' = 'open', timeoutMs = 2_000) {
  const asked: PreAssignRequest[] = [];
  const answers = new Map<string, (v: unknown) => void>();
  const reviewer: AssignmentReviewer = {
    label,
    timeoutMs,
    failMode,
    ask: (req) => {
      asked.push(req);
      return new Promise((resolve) => answers.set(req.task.id, resolve));
    },
  };
  return { reviewer, asked, answer: (taskId: string, v: unknown) => answers.get(taskId)!(v) };
}

const agent = makeAgent({ name: 'w1', labels: { zone: 'eu' } });
const items = (...ids: string[]) => ids.map((id) => ({ task: makeTask({ id, title: `do ${id}` }), agent }));

describe('pre-assignment gate', () => {
  it('answers null when no reviewer is enabled, without asking anything', async () => {
    const load = vi.fn(async () => []);
    const gate = new PreAssignGate(load, new ManualClock(), silentLogger);
    expect(await gate.review(items('t1'))).toBeNull();
    expect(await gate.review(items('t2'))).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks about every assignment of a pass at once, then folds veto, amend and allow', async () => {
    const clock = new ManualClock();
    const r = scripted('hook gatekeeper');
    const gate = new PreAssignGate(async () => [r.reviewer], clock, silentLogger);
    const pending = gate.review(items('t1', 't2', 't3'));
    await vi.waitFor(() => expect(r.asked.map((q) => q.task.id)).toEqual(['t1', 't2', 't3']));
    expect(r.asked[0]).toEqual({
      task: { id: 't1', title: 'do t1', capabilities: [], labels: {}, priority: 'normal', project: 'default' },
      agent: { id: agent.id, name: 'w1', runtime: agent.runtime, labels: { zone: 'eu' } },
    });
    r.answer('t3', { allow: true });
    r.answer('t1', { allow: false, reason: 'change freeze' });
    r.answer('t2', { allow: true, amend: { priority: 'high', note: 'customer escalation' } });
    expect(await pending).toEqual([
      { kind: 'hold', reason: 'vetoed by hook gatekeeper: change freeze' },
      { kind: 'assign', amend: { priority: 'high' }, note: 'amended by hook gatekeeper: customer escalation' },
      { kind: 'assign', amend: null, note: null },
    ]);
  });

  it('on a timeout assigns when fail-open and holds when fail-closed', async () => {
    const clock = new ManualClock();
    const open = scripted('hook lenient', 'open', 2_000);
    const closed = scripted('hook strict', 'closed', 3_000);
    const gate = new PreAssignGate(async () => [open.reviewer], clock, silentLogger);
    const strictGate = new PreAssignGate(async () => [closed.reviewer], clock, silentLogger);
    const a = gate.review(items('t1'));
    const b = strictGate.review(items('t1'));
    await vi.waitFor(() => expect(clock.pending).toBe(2));
    clock.advance(1_999);
    clock.advance(1);
    expect(await a).toEqual([{ kind: 'assign', amend: null, note: 'hook lenient timed out (fail-open)' }]);
    clock.advance(1_000);
    expect(await b).toEqual([{ kind: 'hold', reason: 'hook strict timed out (fail-closed)' }]);
  });

  it('follows the fail mode for a malformed answer or an error, and stops the timer once answered', async () => {
    const clock = new ManualClock();
    const r = scripted('hook strict', 'closed');
    const gate = new PreAssignGate(async () => [r.reviewer], clock, silentLogger);
    const pending = gate.review(items('t1'));
    await vi.waitFor(() => expect(r.asked).toHaveLength(1));
    r.answer('t1', { allow: true, amend: { agentId: 'agt_other' } });
    const [outcome] = (await pending)!;
    expect(outcome.kind === 'hold' && outcome.reason).toMatch(
      /^hook strict failed \(malformed answer .*\) \(fail-closed\)$/,
    );
    expect(clock.pending).toBe(0);

    const throwing: AssignmentReviewer = {
      label: 'plugin p',
      timeoutMs: 2_000,
      failMode: 'open',
      ask: async () => {
        throw new Error('boom');
      },
    };
    const g2 = new PreAssignGate(async () => [throwing], clock, silentLogger);
    expect(await g2.review(items('t2'))).toEqual([
      { kind: 'assign', amend: null, note: 'plugin p failed (boom) (fail-open)' },
    ]);
  });

  it('merges the amends of several reviewers and lets any veto win', async () => {
    const clock = new ManualClock();
    const labels: AssignmentReviewer = {
      label: 'hook a',
      timeoutMs: 1_000,
      failMode: 'open',
      ask: async () => ({ allow: true, amend: { labels: { team: 'x' } } }),
    };
    const prio: AssignmentReviewer = {
      label: 'hook b',
      timeoutMs: 1_000,
      failMode: 'open',
      ask: async () => ({ allow: true, amend: { priority: 'low', labels: { cost: 'high' } } }),
    };
    const veto: AssignmentReviewer = {
      label: 'hook c',
      timeoutMs: 1_000,
      failMode: 'open',
      ask: async () => ({ allow: false, reason: 'no' }),
    };
    const [merged] = (await new PreAssignGate(async () => [labels, prio], clock, silentLogger).review(items('t1')))!;
    expect(merged).toEqual({
      kind: 'assign',
      amend: { labels: { team: 'x', cost: 'high' }, priority: 'low' },
      note: 'amended by hook a: labels team=x; amended by hook b: priority low, labels cost=high',
    });
    const [vetoed] = (await new PreAssignGate(async () => [labels, veto], clock, silentLogger).review(items('t1')))!;
    expect(vetoed).toEqual({ kind: 'hold', reason: 'vetoed by hook c: no' });
  });
});
