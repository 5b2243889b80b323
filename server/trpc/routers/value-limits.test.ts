import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminPrincipal,
  ADMIN_TOKEN,
  callerAs,
  httpCall,
  registerAgent,
  startTestRuntime,
} from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime({
    FLIGHTDECK_MAX_RESULT_BYTES: '2000',
    FLIGHTDECK_MAX_PROGRESS_CHARS: '100',
    FLIGHTDECK_MAX_LABELS: '2',
    FLIGHTDECK_MAX_LABEL_KEY_CHARS: '8',
    FLIGHTDECK_MAX_LABEL_VALUE_CHARS: '16',
  });
});
afterAll(async () => {
  await rt.dispose();
});

describe('limits on stored values: a 400 naming the field, nothing written', () => {
  it('refuses a result over FLIGHTDECK_MAX_RESULT_BYTES, and the task keeps its lease', async () => {
    const admin = callerAs(rt, adminPrincipal);
    const agent = await registerAgent(rt, { name: 'big-result', capabilities: ['big-result'] });
    const { ids } = await admin.tasks.submit({ title: 'produces a lot', capabilities: ['big-result'] });
    const work = (await agent.caller.work.poll({ waitMs: 5000, start: true }))!;
    const res = await httpCall(rt, 'work.complete', {
      token: agent.token,
      input: { taskId: work.taskId, leaseToken: work.leaseToken, result: { out: 'x'.repeat(3000) } },
    });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/^result: must be at most 2000 bytes of JSON/);
    expect((await admin.tasks.get({ id: ids[0] })).status).toBe('running');
    await agent.caller.work.complete({
      taskId: work.taskId,
      leaseToken: work.leaseToken,
      result: { out: 'x'.repeat(1500) },
    });
    expect((await admin.tasks.get({ id: ids[0] })).result).toEqual({ out: 'x'.repeat(1500) });
  });

  it('refuses a progress message over FLIGHTDECK_MAX_PROGRESS_CHARS', async () => {
    const admin = callerAs(rt, adminPrincipal);
    const agent = await registerAgent(rt, { name: 'chatty', capabilities: ['chatty'] });
    const { ids } = await admin.tasks.submit({ title: 'talks a lot', capabilities: ['chatty'] });
    const work = (await agent.caller.work.poll({ waitMs: 5000, start: true }))!;
    const res = await httpCall(rt, 'work.progress', {
      token: agent.token,
      input: { taskId: work.taskId, leaseToken: work.leaseToken, message: 'y'.repeat(101) },
    });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/^message: must be at most 100 characters/);
    expect((await admin.tasks.detail({ id: ids[0] })).progress).toEqual([]);
  });

  it.each([
    [{ a: '1', b: '2', c: '3' }, /^labels: must hold at most 2 labels/],
    [{ 'much-too-long-key': '1' }, /^labels\.much-too-long-key: key must be at most 8 characters/],
    [{ team: 'a-value-longer-than-16' }, /^labels\.team: must be at most 16 characters/],
  ])('refuses labels %j', async (labels, message) => {
    const name = `labelled-${Object.keys(labels).length}-${Math.random().toString(36).slice(2, 6)}`;
    const res = await httpCall(rt, 'agents.register', { token: ADMIN_TOKEN, input: { name, labels } });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(message);
    expect(
      (await callerAs(rt, adminPrincipal).agents.list({ search: name, includeTerminated: true })).items.map(
        (a) => a.name,
      ),
    ).not.toContain(name);
  });

  it('lists tasks without their payload and result (sizes instead); tasks.get has them whole', async () => {
    const admin = callerAs(rt, adminPrincipal);
    const agent = await registerAgent(rt, { name: 'lister', capabilities: ['listed'] });
    const { ids } = await admin.tasks.submit({
      title: 'listed-task',
      capabilities: ['listed'],
      payload: { prompt: 'p'.repeat(500) },
    });
    const work = (await agent.caller.work.poll({ waitMs: 5000, start: true }))!;
    await agent.caller.work.complete({
      taskId: work.taskId,
      leaseToken: work.leaseToken,
      result: { out: 'r'.repeat(1000) },
    });
    const res = await httpCall(rt, 'tasks.list', { token: ADMIN_TOKEN, query: true, input: { search: 'listed-task' } });
    const [item] = res.data.items;
    expect(item).toMatchObject({
      id: ids[0],
      status: 'succeeded',
      payloadBytes: expect.any(Number),
      resultBytes: expect.any(Number),
    });
    expect(item.resultBytes).toBeGreaterThan(1000);
    expect(item).not.toHaveProperty('result');
    expect(item).not.toHaveProperty('payload');
    expect((await admin.tasks.get({ id: ids[0] })).result).toEqual({ out: 'r'.repeat(1000) });
  });
});
