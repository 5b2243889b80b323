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
    expect(
      (await httpCall(rt, 'tasks.get', { input: { id: 'tsk_nope' }, token: ADMIN_TOKEN, query: true })).status,
    ).toBe(404);
    expect((await httpCall(rt, 'tasks.nope', { input: {}, token: ADMIN_TOKEN })).status).toBe(404);
  });
});

describe('NUL characters, foreign cursors and out-of-range numbers: 400 naming the field', () => {
  const cursor = (text: string) => Buffer.from(text).toString('base64url');

  it.each([
    ['tasks.submit', { title: 'a\u0000b' }, 'title'],
    ['tasks.submit', { title: 'ok', payload: { notes: ['fine', 'bad\u0000'] } }, 'payload.notes.1'],
    ['tasks.submit', { title: 'ok', payload: { 'k\u0000': 1 } }, 'payload'],
    [
      'tasks.submit',
      { tasks: [{ title: 'ok' }, { title: 'ok', capabilities: ['x\u0000'] }] },
      'tasks.1.capabilities.0',
    ],
    ['agents.register', { name: 'nul-labels', labels: { team: 'a\u0000' } }, 'labels.team'],
    ['tasks.cancel', { id: 'tsk_\u0000' }, 'id'],
  ])('%s %j', async (procedure, input, field) => {
    const before = await countTasks();
    const res = await httpCall(rt, procedure, { input, token: ADMIN_TOKEN });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: must not`));
    expect(await countTasks()).toBe(before);
  });

  it.each([
    ['tasks.get', { id: 'tsk_\u0000' }, 'id'],
    ['tasks.list', { search: 'a\u0000' }, 'search'],
    ['tasks.list', { agentId: 'agt_\u0000' }, 'agentId'],
    ['tasks.list', { cursor: cursor('99999999999999999|tsk_x') }, 'cursor'],
    ['tasks.list', { cursor: cursor('1700000000000|tsk_\u0000') }, 'cursor'],
    ['tasks.list', { cursor: 'not a cursor' }, 'cursor'],
  ])('query %s %j', async (procedure, input, field) => {
    const res = await httpCall(rt, procedure, { input, token: ADMIN_TOKEN, query: true });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(new RegExp(`^${field}: `));
  });

  it.each([
    ['agents.heartbeat', { contextUsed: 5_000_000_000 }, 'contextUsed'],
    ['agents.heartbeat', { contextWindow: 5_000_000_000 }, 'contextWindow'],
    ['agents.heartbeat', { activity: { state: 'working', detail: 'x\u0000' } }, 'activity.detail'],
    ['agents.heartbeat', { activity: { state: 'rate-limited', resetAt: 1e17 } }, 'activity.resetAt'],
    ['work.progress', { taskId: 'tsk_x', leaseToken: 'y', message: 'half\u0000way' }, 'message'],
    ['work.complete', { taskId: 'tsk_x', leaseToken: 'y', result: { out: '\u0000' } }, 'result.out'],
    ['work.fail', { taskId: 'tsk_x', leaseToken: 'y', error: 'boom\u0000' }, 'error'],
  ])('agent call %s %j', async (procedure, input, field) => {
    const res = await httpCall(rt, procedure, { input, token: agentToken });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: `));
  });

  it('refuses JSON nested deeper than 64 levels (serialising it ran out of stack: 500)', async () => {
    const deep = `{"title":"deep","payload":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const before = await countTasks();
    const res = await httpCall(rt, 'tasks.submit', { rawBody: deep, token: ADMIN_TOKEN });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/^payload(\.0)+: is nested more than 64 levels deep/);
    expect(await countTasks()).toBe(before);
  });

  it('pages through tasks.list with the cursors it hands out', async () => {
    await httpCall(rt, 'tasks.submit', {
      input: { tasks: [{ title: 'page-1' }, { title: 'page-2' }, { title: 'page-3' }] },
      token: ADMIN_TOKEN,
    });
    const first = await httpCall(rt, 'tasks.list', {
      input: { search: 'page-', limit: 2 },
      token: ADMIN_TOKEN,
      query: true,
    });
    expect(first.data.items).toHaveLength(2);
    const second = await httpCall(rt, 'tasks.list', {
      input: { search: 'page-', limit: 2, cursor: first.data.nextCursor },
      token: ADMIN_TOKEN,
      query: true,
    });
    expect(second.status).toBe(200);
    const titles = [...first.data.items, ...second.data.items].map((t: { title: string }) => t.title);
    expect(titles.sort()).toEqual(['page-1', 'page-2', 'page-3']);
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

  it('treats a malformed session cookie as no session (401, not 500)', async () => {
    const res = await httpCall(rt, 'tasks.list', {
      input: {},
      query: true,
      headers: { cookie: 'fd_session=%E0%A4%A' },
    });
    expect(res.status).toBe(401);
  });

  it('refuses an unknown token (401)', async () => {
    expect((await httpCall(rt, 'tasks.submit', { input: { title: 'x' }, token: 'fd_admin_wrong' })).status).toBe(401);
  });

  it('keeps agents to their own calls and operators out of agent calls (403)', async () => {
    const asAgent = await httpCall(rt, 'tasks.submit', { input: { title: 'x' }, token: agentToken });
    expect(asAgent.status).toBe(403);
    const asAdmin = await httpCall(rt, 'work.poll', { input: { waitMs: 0 }, token: ADMIN_TOKEN });
    expect(asAdmin.status).toBe(403);
    expect(asAdmin.error?.message).toMatch(
      /may not call work\.poll: it needs agent:self .* which agents \(with an agent token\) have/,
    );
  });
});
