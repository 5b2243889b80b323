import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => {
  await rt.dispose();
});

describe('agent protocol', () => {
  it('runs a task from submit to succeeded, with a decision record and progress log', async () => {
    const admin = callerAs(rt, adminPrincipal);
    const agent = await registerAgent(rt, { name: 'proto-1', capabilities: ['python'] });
    await agent.caller.agents.heartbeat({});
    const { ids } = await admin.tasks.submit({ title: 'hello', capabilities: ['python'], payload: { x: 1 } });
    const work = await agent.caller.work.poll({ waitMs: 5000 });
    expect(work).toMatchObject({
      taskId: ids[0],
      attempt: 1,
      title: 'hello',
      payload: { x: 1 },
      capabilities: ['python'],
      priority: 'normal',
    });
    await agent.caller.work.start({ taskId: work!.taskId, leaseToken: work!.leaseToken });
    await agent.caller.work.progress({
      taskId: work!.taskId,
      leaseToken: work!.leaseToken,
      message: 'halfway',
      percent: 50,
    });
    await agent.caller.work.complete({ taskId: work!.taskId, leaseToken: work!.leaseToken, result: { ok: true } });
    const detail = await admin.tasks.detail({ id: ids[0] });
    expect(detail.task.status).toBe('succeeded');
    expect(detail.task.result).toEqual({ ok: true });
    expect(detail.attempts).toHaveLength(1);
    expect(detail.attempts[0]).toMatchObject({ status: 'succeeded', agentName: 'proto-1' });
    expect(detail.progress.map((p) => p.message)).toEqual(['halfway']);
    expect(detail.decisions[0]).toMatchObject({ winnerAgentName: 'proto-1', strategy: 'composite' });
    expect(detail.decisions[0].candidates[0].agentName).toBe('proto-1');
  });

  it('rejects a stale lease with CONFLICT and changes nothing', async () => {
    const admin = callerAs(rt, adminPrincipal);
    const agent = await registerAgent(rt, { name: 'proto-2', capabilities: ['stale'] });
    await agent.caller.agents.heartbeat({});
    const { ids } = await admin.tasks.submit({ title: 'stale', capabilities: ['stale'] });
    const work = (await agent.caller.work.poll({ waitMs: 5000 }))!;
    await expect(agent.caller.work.complete({ taskId: ids[0], leaseToken: 'not-the-lease' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await admin.tasks.get({ id: ids[0] })).status).toBe('assigned');
    await agent.caller.work.complete({ taskId: ids[0], leaseToken: work.leaseToken });
    expect((await admin.tasks.get({ id: ids[0] })).status).toBe('succeeded');
  });

  it('answers a poll with `start: true` with the task already running, so the agent can go straight to complete', async () => {
    const admin = callerAs(rt, adminPrincipal);
    const agent = await registerAgent(rt, { name: 'proto-3', capabilities: ['autostart'] });
    await agent.caller.agents.heartbeat({});
    const { ids } = await admin.tasks.submit({ title: 'go', capabilities: ['autostart'] });
    const work = (await agent.caller.work.poll({ waitMs: 5000, start: true }))!;
    expect(work.taskId).toBe(ids[0]);
    const running = await admin.tasks.get({ id: ids[0] });
    expect(running.status).toBe('running');
    expect(running.startedAt).not.toBeNull();
    await agent.caller.work.complete({ taskId: work.taskId, leaseToken: work.leaseToken, result: 1 });
    expect((await admin.tasks.get({ id: ids[0] })).status).toBe('succeeded');
  });

  it('hands a multi-slot agent several tasks in one pollBatch answer, never more than its maxConcurrency', async () => {
    const admin = callerAs(rt, adminPrincipal);
    const agent = await registerAgent(rt, { name: 'proto-4', capabilities: ['multi'], maxConcurrency: 3 });
    await agent.caller.agents.heartbeat({});
    const { ids } = await admin.tasks.submit({
      tasks: Array.from({ length: 5 }, (_, i) => ({ title: `m${i}`, capabilities: ['multi'] })),
    });
    const taken: string[] = [];
    while (taken.length < 3) {
      const { assignments } = await agent.caller.work.pollBatch({ waitMs: 5000, max: 10, start: true });
      taken.push(...assignments.map((a) => a.taskId));
    }
    expect(taken).toHaveLength(3);
    expect(new Set(taken).size).toBe(3);
    // At capacity: a further poll waits out its time with nothing.
    expect((await agent.caller.work.pollBatch({ waitMs: 300, max: 10 })).assignments).toEqual([]);
    const states = await Promise.all(ids.map((id) => admin.tasks.get({ id })));
    expect(
      states
        .filter((t) => t.status === 'running')
        .map((t) => t.id)
        .sort(),
    ).toEqual([...taken].sort());
    expect(states.filter((t) => t.status === 'queued')).toHaveLength(2);
  });

  it('rejects a pollBatch asking for more than 100 or fewer than 1 with a message naming `max`', async () => {
    const agent = await registerAgent(rt, { name: 'proto-5', capabilities: ['x'] });
    await expect(agent.caller.work.pollBatch({ max: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('max'),
    });
    await expect(agent.caller.work.pollBatch({ max: 101 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('max'),
    });
  });
});
