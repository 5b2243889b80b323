import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  adminPrincipal,
  callerAs,
  httpCall,
  registerAgent,
  startTestRuntime,
} from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  // A failed attempt waits up to an hour before its retry, so a task stays in retry-wait for the test.
  rt = await startTestRuntime({ FLIGHTDECK_RETRY_BASE_MS: '3600000', FLIGHTDECK_RETRY_CAP_MS: '3600000' });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);
const statuses = async (ids: string[]) => Promise.all(ids.map(async (id) => (await admin().tasks.get({ id })).status));

// Each helper's agent has a runtime of its own: failures spread over one runtime would open its breaker.

/** A started agent holding one task of `capability`, running. */
async function runningTask(capability: string, title = `${capability} task`) {
  const {
    ids: [id],
  } = await admin().tasks.submit({ title, capabilities: [capability] });
  const agent = await registerAgent(rt, {
    name: `${capability}-agent`,
    capabilities: [capability],
    runtime: capability,
  });
  await agent.caller.agents.heartbeat({});
  const work = (await agent.caller.work.poll({ waitMs: 3000, start: true }))!;
  expect(work.taskId).toBe(id);
  return { id, agent, work };
}

/** A task that failed once and waits out its backoff. */
async function retryWaitTask(capability: string) {
  const {
    ids: [id],
  } = await admin().tasks.submit({ title: `${capability} flaky`, capabilities: [capability], maxAttempts: 3 });
  const agent = await registerAgent(rt, {
    name: `${capability}-agent`,
    capabilities: [capability],
    runtime: capability,
  });
  await agent.caller.agents.heartbeat({});
  const work = (await agent.caller.work.poll({ waitMs: 3000 }))!;
  expect(
    await agent.caller.work.fail({ taskId: id, leaseToken: work.leaseToken, error: 'flaky', retryable: true }),
  ).toEqual({ status: 'retry-wait' });
  return id;
}

async function deadLetter(capability: string, error = 'boom') {
  const {
    ids: [id],
  } = await admin().tasks.submit({ title: `${capability} dead`, capabilities: [capability], maxAttempts: 1 });
  const agent = await registerAgent(rt, {
    name: `${capability}-agent`,
    capabilities: [capability],
    runtime: capability,
  });
  await agent.caller.agents.heartbeat({});
  const work = (await agent.caller.work.poll({ waitMs: 3000 }))!;
  expect(await agent.caller.work.fail({ taskId: id, leaseToken: work.leaseToken, error, retryable: true })).toEqual({
    status: 'dead-lettered',
  });
  return id;
}

describe('cancel', () => {
  it('cancels a task waiting out its retry backoff, which then never comes back', async () => {
    const id = await retryWaitTask('cancel-backoff');
    expect((await admin().tasks.cancel({ id })).status).toBe('cancelled');
    const task = await admin().tasks.get({ id });
    expect(task).toMatchObject({ status: 'cancelled', retryAt: null });
    const many = await retryWaitTask('cancel-backoff-many');
    expect((await admin().tasks.cancelMany({ ids: [many] })).results).toEqual([
      { id: many, applied: true, status: 'cancelled', skipped: null },
    ]);
  });
});

describe('tasks.cancelMany', () => {
  it('cancels what it can in one go and says what became of every id', async () => {
    const { ids: queued } = await admin().tasks.submit({
      tasks: [1, 2].map((i) => ({ title: `bulk cancel ${i}`, capabilities: ['bulk-nobody'] })),
    });
    const running = await runningTask('bulk-cancel-run');
    const {
      ids: [blocked],
    } = await admin().tasks.submit({
      title: 'waits for the running one',
      capabilities: ['bulk-nobody'],
      dependsOn: [running.id],
    });
    const {
      ids: [done],
    } = await admin().tasks.submit({ title: 'finished already', capabilities: ['bulk-nobody'] });
    await admin().tasks.cancel({ id: done });

    const out = await admin().tasks.cancelMany({
      ids: [queued[0], running.id, done, 'tsk_missing', queued[1], queued[0]],
    });
    expect(out.summary).toBe('Cancelled 3 tasks; 1 was already finished; 1 was not found');
    expect(out).toMatchObject({ action: 'cancel', applied: 3, skipped: 2 });
    expect(out.results).toEqual([
      { id: queued[0], applied: true, status: 'cancelled', skipped: null },
      { id: running.id, applied: true, status: 'cancelled', skipped: null },
      { id: done, applied: false, status: 'cancelled', skipped: 'finished' },
      { id: 'tsk_missing', applied: false, status: null, skipped: 'not-found' },
      { id: queued[1], applied: true, status: 'cancelled', skipped: null },
    ]);
    // The running attempt is over: the agent's late report is refused, and the task's dependent is cancelled with it.
    await expect(
      running.agent.caller.work.complete({ taskId: running.id, leaseToken: running.work.leaseToken }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await admin().tasks.get({ id: blocked })).toMatchObject({
      status: 'cancelled',
      error: `dependency ${running.id} cancelled`,
    });
  });

  it('takes 500 tasks at once', async () => {
    const { ids } = await admin().tasks.submit({
      tasks: Array.from({ length: 500 }, (_, i) => ({ title: `bulk 500 #${i}`, capabilities: ['bulk-nobody'] })),
    });
    const out = await admin().tasks.cancelMany({ ids });
    expect(out.summary).toBe('Cancelled 500 tasks');
    const after = await admin().tasks.list({ search: 'bulk 500 #', limit: 500 });
    expect(after.items).toHaveLength(500);
    expect(new Set(after.items.map((t) => t.status))).toEqual(new Set(['cancelled']));
  });
});

describe('tasks.retryMany', () => {
  it('retries dead-lettered, failed and cancelled tasks, and leaves the rest as they are', async () => {
    const dead = await deadLetter('bulk-retry-dead');
    const {
      ids: [cancelled],
    } = await admin().tasks.submit({ title: 'cancelled', capabilities: ['bulk-nobody'] });
    await admin().tasks.cancel({ id: cancelled });
    const {
      ids: [queued],
    } = await admin().tasks.submit({ title: 'still queued', capabilities: ['bulk-nobody'] });

    const out = await admin().tasks.retryMany({ ids: [dead, cancelled, queued] });
    expect(out.summary).toBe('Retried 2 tasks; 1 was not failed, cancelled or dead-lettered');
    expect(out.results.map((r) => [r.applied, r.skipped])).toEqual([
      [true, null],
      [true, null],
      [false, 'not-retryable'],
    ]);
    const retried = await admin().tasks.get({ id: dead });
    expect(retried.maxAttempts).toBe(2);
    // Back in the queue, where the agent that failed it (still registered, idle) may already have it again.
    expect(['queued', 'assigned']).toContain(retried.status);
    expect((await admin().tasks.get({ id: cancelled })).status).toBe('queued');
  });
});

describe('reprioritise', () => {
  it('tasks.setPriority moves a queued task ahead of the queue, and refuses a finished one', async () => {
    const {
      ids: [first, second],
    } = await admin().tasks.submit({
      tasks: [
        { title: 'was first', capabilities: ['reprio'], priority: 'normal' },
        { title: 'now first', capabilities: ['reprio'], priority: 'low' },
      ],
    });
    const task = await admin().tasks.setPriority({ id: second, priority: 'critical' });
    expect(task).toMatchObject({ id: second, priority: 'critical', status: 'queued' });
    // The same priority again changes nothing and is no error.
    expect((await admin().tasks.setPriority({ id: second, priority: 'critical' })).priority).toBe('critical');

    const agent = await registerAgent(rt, { name: 'reprio-agent', capabilities: ['reprio'] });
    await agent.caller.agents.heartbeat({});
    const work = (await agent.caller.work.poll({ waitMs: 3000 }))!;
    expect(work).toMatchObject({ taskId: second, priority: 'critical' });
    await agent.caller.work.complete({ taskId: second, leaseToken: work.leaseToken });

    await expect(admin().tasks.setPriority({ id: second, priority: 'low' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('is succeeded'),
    });
    await expect(admin().tasks.setPriority({ id: 'tsk_missing', priority: 'low' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await admin().tasks.get({ id: first })).priority).toBe('normal');
  });

  it('tasks.setPriorityMany answers the previous priorities, so the change can be undone', async () => {
    const { ids } = await admin().tasks.submit({
      tasks: (['low', 'background', 'high'] as const).map((priority) => ({
        title: `reprio ${priority}`,
        capabilities: ['bulk-nobody'],
        priority,
      })),
    });
    const {
      ids: [finished],
    } = await admin().tasks.submit({ title: 'finished', capabilities: ['bulk-nobody'] });
    await admin().tasks.cancel({ id: finished });

    const out = await admin().tasks.setPriorityMany({ ids: [...ids, finished], priority: 'high' });
    expect(out.summary).toBe('Set 2 tasks to priority high; 1 was already finished; 1 was already high');
    expect(out.results).toEqual([
      { id: ids[0], applied: true, status: 'queued', skipped: null, previousPriority: 'low' },
      { id: ids[1], applied: true, status: 'queued', skipped: null, previousPriority: 'background' },
      { id: ids[2], applied: false, status: 'queued', skipped: 'same-priority' },
      { id: finished, applied: false, status: 'cancelled', skipped: 'finished' },
    ]);
    const list = await admin().tasks.list({ search: 'reprio ', priority: ['high'] });
    expect(list.items.map((t) => t.id).sort()).toEqual([...ids].sort());

    await admin().tasks.setPriorityMany({ ids: [ids[0]], priority: 'low' });
    await admin().tasks.setPriorityMany({ ids: [ids[1]], priority: 'background' });
    expect((await Promise.all(ids.map((id) => admin().tasks.get({ id })))).map((t) => t.priority)).toEqual([
      'low',
      'background',
      'high',
    ]);
  });
});

describe('bad input: 400 naming the field over HTTP, and nothing changes', () => {
  it.each([
    ['no ids', 'tasks.cancelMany', { ids: [] }, /^ids: must hold at least one task id$/],
    [
      '501 ids',
      'tasks.retryMany',
      { ids: Array.from({ length: 501 }, (_, i) => `tsk_${i}`) },
      /^ids: must hold at most 500 task ids$/,
    ],
    [
      'an unknown priority',
      'tasks.setPriorityMany',
      { ids: ['tsk_a'], priority: 'urgent' },
      /^priority: Invalid option/,
    ],
    ['an empty id', 'tasks.setPriority', { id: '', priority: 'low' }, /^id: must not be empty$/],
    ['a misspelt field', 'tasks.cancelMany', { id: 'tsk_a' }, /^ids: /],
  ])('%s (%s)', async (_what, procedure, input, message) => {
    const res = await httpCall(rt, procedure, { input, token: ADMIN_TOKEN });
    expect(res.status).toBe(400);
    expect(res.error?.data.code).toBe('BAD_REQUEST');
    expect(res.error?.message).toMatch(message);
  });

  it('one bad id refuses the whole batch', async () => {
    const { ids } = await admin().tasks.submit({
      tasks: [1, 2].map((i) => ({ title: `untouched ${i}`, capabilities: ['bulk-nobody'] })),
    });
    const res = await httpCall(rt, 'tasks.cancelMany', { input: { ids: [ids[0], '', ids[1]] }, token: ADMIN_TOKEN });
    expect(res.status).toBe(400);
    expect((res.error?.data as unknown as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['ids.1']);
    expect(await statuses(ids)).toEqual(['queued', 'queued']);
  });

  it('an agent token may not act on tasks', async () => {
    const agent = await registerAgent(rt, { name: 'bulk-intruder', capabilities: [] });
    const res = await httpCall(rt, 'tasks.cancelMany', { input: { ids: ['tsk_a'] }, token: agent.token });
    expect(res.status).toBe(403);
  });
});

describe('tasks.countDeadLetters', () => {
  it('counts exactly what retryDeadLetters then retries', async () => {
    await deadLetter('count-dlq-a', 'quota exceeded');
    await deadLetter('count-dlq-b', 'quota exceeded');
    await deadLetter('count-dlq-c', 'disk full');
    expect(await admin().tasks.countDeadLetters({ errorContains: 'QUOTA' })).toEqual({ count: 2 });
    expect(await admin().tasks.countDeadLetters({ capability: 'count-dlq-c' })).toEqual({ count: 1 });
    expect(await admin().tasks.retryDeadLetters({ errorContains: 'QUOTA' })).toEqual({ count: 2 });
    expect(await admin().tasks.countDeadLetters({ errorContains: 'QUOTA' })).toEqual({ count: 0 });
  });
});
