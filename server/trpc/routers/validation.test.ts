import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, httpCall, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
let agentToken: string;
beforeAll(async () => {
  rt = await startTestRuntime();
  agentToken = (await registerAgent(rt, { name: 'validator', capabilities: ['v'] })).token;
});
afterAll(async () => {
  await rt.dispose();
});

const countTasks = async () => (await rt.core.tasks.list({ limit: 500 })).items.length;

describe('bad input gets a 4xx naming the problem, never a 500 or a half-written row', () => {
  it.each([
    ['tasks.submit', { title: '' }, /title: must not be empty/],
    ['tasks.submit', { title: 'x', capabilities: [3] }, /capabilities\.0: .*expected string/i],
    ['tasks.submit', { title: 'x', priority: 'urgent' }, /priority: /],
    ['tasks.submit', { title: 'x', maxAttempts: 0 }, /maxAttempts: /],
    ['tasks.submit', { tasks: [] }, /tasks: must hold at least one task/],
    ['tasks.submit', { tasks: [{ title: 'ok' }, { title: 'bad', priority: 'nope' }] }, /tasks\.1\.priority: /],
    ['agents.register', { name: '' }, /name: must not be empty/],
    ['agents.register', { name: 'has space' }, /name: may contain/],
    ['agents.register', { name: 'ok', maxConcurrency: -1 }, /maxConcurrency: /],
    ['agents.register', { name: 'ok', capabilities: [{ name: 'x', level: 2 }] }, /capabilities\.0\.level: /],
  ])('%s %j', async (procedure, input, message) => {
    const before = await countTasks();
    const res = await httpCall(rt, procedure, { input, token: ADMIN_TOKEN });
    expect(res.status).toBe(400);
    expect(res.error?.data.code).toBe('BAD_REQUEST');
    expect(res.error?.message).toMatch(message);
    expect(await countTasks()).toBe(before);
  });

  it.each([
    ['work.poll', { waitMs: 99_999 }, /waitMs: /],
    ['work.start', { taskId: 'x' }, /leaseToken: /],
    ['work.progress', { taskId: 'x', leaseToken: 'y', percent: 101 }, /percent: /],
    ['work.fail', { taskId: 'x', leaseToken: 'y' }, /error: /],
    ['agents.heartbeat', { load: 3 }, /load: /],
  ])('agent call %s %j', async (procedure, input, message) => {
    const res = await httpCall(rt, procedure, { input, token: agentToken });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(message);
  });

  it('lists each problem with its field in error.data.issues', async () => {
    const res = await httpCall(rt, 'tasks.submit', { input: { title: '', capabilities: [3] }, token: ADMIN_TOKEN });
    const issues = (res.error?.data as unknown as { issues: { path: string }[] }).issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['capabilities.0', 'title']);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await httpCall(rt, 'tasks.submit', { rawBody: '{"title":', token: ADMIN_TOKEN });
    expect(res.status).toBe(400);
  });

  it('answers an unknown id with 404 and an unknown procedure with 404', async () => {
    expect((await httpCall(rt, 'tasks.get', { input: { id: 'tsk_nope' }, token: ADMIN_TOKEN, query: true })).status).toBe(404);
    expect((await httpCall(rt, 'tasks.nope', { input: {}, token: ADMIN_TOKEN })).status).toBe(404);
  });
});

describe('authentication and roles', () => {
  it('refuses every procedure without a token (401)', async () => {
    for (const p of ['tasks.submit', 'agents.register', 'work.poll', 'agents.heartbeat', 'tasks.cancel']) {
      const res = await httpCall(rt, p, { input: {} });
      expect(res.status, p).toBe(401);
      expect(res.error?.message).toMatch(/authentication required/);
    }
    expect((await httpCall(rt, 'tasks.list', { input: {}, query: true })).status).toBe(401);
  });

  it('refuses an unknown token (401)', async () => {
    expect((await httpCall(rt, 'tasks.submit', { input: { title: 'x' }, token: 'fd_admin_wrong' })).status).toBe(401);
  });

  it('keeps agents to their own calls and operators out of agent calls (403)', async () => {
    const asAgent = await httpCall(rt, 'tasks.submit', { input: { title: 'x' }, token: agentToken });
    expect(asAgent.status).toBe(403);
    const asAdmin = await httpCall(rt, 'work.poll', { input: { waitMs: 0 }, token: ADMIN_TOKEN });
    expect(asAdmin.status).toBe(403);
    expect(asAdmin.error?.message).toMatch(/agent token is required/);
  });
});
