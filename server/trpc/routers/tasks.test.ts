import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);

describe('tasks', () => {
  it('an idempotency key returns the existing task instead of a second one', async () => {
    const a = await admin().tasks.submit({ title: 'once', idempotencyKey: 'idem-1', capabilities: ['nobody'] });
    const b = await admin().tasks.submit({ title: 'once again', idempotencyKey: 'idem-1', capabilities: ['nobody'] });
    expect(b.ids).toEqual(a.ids);
    const batch = await admin().tasks.submit({
      tasks: [
        { title: 'x', idempotencyKey: 'idem-2', capabilities: ['nobody'] },
        { title: 'y', idempotencyKey: 'idem-2', capabilities: ['nobody'] },
        { title: 'z', idempotencyKey: 'idem-1' },
      ],
    });
    expect(batch.ids[0]).toBe(batch.ids[1]);
    expect(batch.ids[2]).toBe(a.ids[0]);
    expect((await admin().tasks.get({ id: a.ids[0] })).title).toBe('once');
  });

  it('hands out higher priority first, and in submission order within a priority', async () => {
    const { ids } = await admin().tasks.submit({
      tasks: [
        { title: 'bg', priority: 'background', capabilities: ['prio'] },
        { title: 'n1', priority: 'normal', capabilities: ['prio'] },
        { title: 'crit', priority: 'critical', capabilities: ['prio'] },
        { title: 'n2', priority: 'normal', capabilities: ['prio'] },
        { title: 'high', priority: 'high', capabilities: ['prio'] },
      ],
    });
    expect(ids).toHaveLength(5);
    const agent = await registerAgent(rt, { name: 'prio-agent', capabilities: ['prio'] });
    await agent.caller.agents.heartbeat({});
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      const w = (await agent.caller.work.poll({ waitMs: 3000 }))!;
      order.push(w.title);
      await agent.caller.work.complete({ taskId: w.taskId, leaseToken: w.leaseToken });
    }
    expect(order).toEqual(['crit', 'high', 'n1', 'n2', 'bg']);
  });

  it('honours maxConcurrency: an agent holds at most that many tasks at once', async () => {
    await admin().tasks.submit({
      tasks: Array.from({ length: 5 }, (_, i) => ({ title: `wip-${i}`, capabilities: ['wip'] })),
    });
    const agent = await registerAgent(rt, { name: 'wip-agent', capabilities: ['wip'], maxConcurrency: 2 });
    await agent.caller.agents.heartbeat({});
    const first = await agent.caller.work.poll({ waitMs: 3000 });
    const second = await agent.caller.work.poll({ waitMs: 3000 });
    const third = await agent.caller.work.poll({ waitMs: 300 });
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(third).toBeNull();
    expect((await admin().agents.get({ id: agent.agentId })).activeTasks).toBe(2);
    await agent.caller.work.complete({ taskId: first!.taskId, leaseToken: first!.leaseToken });
    expect(await agent.caller.work.poll({ waitMs: 3000 })).not.toBeNull();
  });

  it('a retryable failure backs off and retries until maxAttempts, then the task is dead-lettered; an operator retries it', async () => {
    const { ids } = await admin().tasks.submit({ title: 'flaky', capabilities: ['retry'], maxAttempts: 2 });
    const agent = await registerAgent(rt, { name: 'retry-agent', capabilities: ['retry'] });
    await agent.caller.agents.heartbeat({});
    const w1 = (await agent.caller.work.poll({ waitMs: 3000 }))!;
    const failedAt = Date.now();
    expect(await agent.caller.work.fail({ taskId: ids[0], leaseToken: w1.leaseToken, error: 'boom' })).toEqual({
      status: 'retry-wait',
    });
    const waiting = await admin().tasks.get({ id: ids[0] });
    // Full jitter: the first retry waits somewhere in [0, 1 s].
    expect(waiting.retryAt).toBeGreaterThanOrEqual(failedAt - 1_000);
    expect(waiting.retryAt).toBeLessThanOrEqual(Date.now() + 1_000);
    const w2 = (await agent.caller.work.poll({ waitMs: 5000 }))!;
    expect(w2.attempt).toBe(2);
    expect(await agent.caller.work.fail({ taskId: ids[0], leaseToken: w2.leaseToken, error: 'boom again' })).toEqual({
      status: 'dead-lettered',
    });
    const detail = await admin().tasks.detail({ id: ids[0] });
    expect(detail.task).toMatchObject({ status: 'dead-lettered', error: 'boom again', attempt: 2 });
    expect(detail.attempts.map((a) => a.status)).toEqual(['failed', 'failed']);
    expect((await admin().tasks.list({ status: ['dead-lettered'] })).items.map((t) => t.id)).toContain(ids[0]);

    expect(await admin().tasks.retry({ id: ids[0] })).toMatchObject({ status: 'queued', maxAttempts: 4 });
    const w3 = (await agent.caller.work.poll({ waitMs: 3000 }))!;
    expect(w3).toMatchObject({ taskId: ids[0], attempt: 3 });
    await agent.caller.work.complete({ taskId: ids[0], leaseToken: w3.leaseToken });
    expect((await admin().tasks.get({ id: ids[0] })).status).toBe('succeeded');
    await expect(admin().tasks.retry({ id: ids[0] })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('is succeeded'),
    });
  });

  it('dead letters: retry all matching, and discard', async () => {
    const agent = await registerAgent(rt, { name: 'dlq-agent', capabilities: ['dlq'] });
    await agent.caller.agents.heartbeat({});
    const { ids } = await admin().tasks.submit({
      tasks: ['a', 'b', 'c'].map((t) => ({ title: `dlq-${t}`, capabilities: ['dlq'], maxAttempts: 1 })),
    });
    for (let i = 0; i < 3; i++) {
      const w = (await agent.caller.work.poll({ waitMs: 3000 }))!;
      const error = w.title === 'dlq-c' ? 'disk full' : 'rate limited by provider';
      await agent.caller.work.fail({ taskId: w.taskId, leaseToken: w.leaseToken, error });
    }
    const byTitle = new Map((await Promise.all(ids.map((id) => admin().tasks.get({ id })))).map((t) => [t.title, t]));
    expect([...byTitle.values()].every((t) => t.status === 'dead-lettered')).toBe(true);
    expect(await admin().tasks.retryDeadLetters({ capability: 'dlq', errorContains: 'RATE LIMITED' })).toEqual({
      count: 2,
    });
    expect((await admin().tasks.get({ id: byTitle.get('dlq-a')!.id })).status).not.toBe('dead-lettered');
    const c = byTitle.get('dlq-c')!.id;
    expect(await admin().tasks.discard({ id: c })).toMatchObject({
      status: 'cancelled',
      error: 'discarded from the dead-letter queue',
    });
    await expect(admin().tasks.discard({ id: c })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(admin().tasks.discard({ id: 'tsk_missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a non-retryable failure fails at once', async () => {
    const { ids } = await admin().tasks.submit({ title: 'fatal', capabilities: ['fatal'] });
    const agent = await registerAgent(rt, { name: 'fatal-agent', capabilities: ['fatal'] });
    await agent.caller.agents.heartbeat({});
    const w = (await agent.caller.work.poll({ waitMs: 3000 }))!;
    expect(
      await agent.caller.work.fail({ taskId: ids[0], leaseToken: w.leaseToken, error: 'bad prompt', retryable: false }),
    ).toEqual({ status: 'failed' });
  });

  it('cancelling a running task stops the agent from completing it', async () => {
    const { ids } = await admin().tasks.submit({ title: 'doomed', capabilities: ['cancel'] });
    const agent = await registerAgent(rt, { name: 'cancel-agent', capabilities: ['cancel'] });
    await agent.caller.agents.heartbeat({});
    const w = (await agent.caller.work.poll({ waitMs: 3000 }))!;
    await agent.caller.work.start({ taskId: ids[0], leaseToken: w.leaseToken });
    expect((await admin().tasks.cancel({ id: ids[0] })).status).toBe('cancelled');
    await expect(agent.caller.work.complete({ taskId: ids[0], leaseToken: w.leaseToken })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/cancelled/),
    });
    expect((await admin().tasks.cancel({ id: ids[0] })).status).toBe('cancelled');
  });

  it('lists with filters and stable cursor pagination', async () => {
    const tag = `page-${Date.now()}`;
    await admin().tasks.submit({
      tasks: Array.from({ length: 7 }, (_, i) => ({
        title: `${tag} ${i}`,
        capabilities: ['none-such'],
        priority: i % 2 ? 'low' : ('high' as const),
      })),
    });
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await admin().tasks.list({ search: tag, limit: 3, cursor });
      seen.push(...page.items.map((t) => t.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const low = await admin().tasks.list({ search: tag, priority: ['low'] });
    expect(low.items.map((t) => t.priority)).toEqual(['low', 'low', 'low']);
    const queued = await admin().tasks.list({ search: tag, status: ['queued'] });
    expect(queued.items).toHaveLength(7);
  });
});

describe('queue head', () => {
  it('tasks nobody can take do not block a task behind them that an idle agent can take', async () => {
    await admin().tasks.submit({
      tasks: Array.from({ length: 150 }, (_, i) => ({
        title: `blocked ${i}`,
        capabilities: ['no-agent-has-this'],
        priority: 'critical' as const,
      })),
    });
    const { ids } = await admin().tasks.submit({
      title: 'behind them',
      capabilities: ['head-x'],
      priority: 'background',
    });
    const agent = await registerAgent(rt, { name: 'head-agent', capabilities: ['head-x'] });
    await agent.caller.agents.heartbeat({});
    const work = await agent.caller.work.poll({ waitMs: 3000 });
    expect(work?.taskId).toBe(ids[0]);
  });
});
