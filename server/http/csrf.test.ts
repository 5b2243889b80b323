import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, ADMIN_TOKEN, callerAs, registerAgent } from '@/server/testing/test-runtime';
import { signIn, startEntryPoints, type EntryPoint } from './testing/entry-points';

let edge: Awaited<ReturnType<typeof startEntryPoints>>;
beforeAll(async () => {
  edge = await startEntryPoints();
});
afterAll(async () => {
  await edge.close();
});

/** A dead-lettered task of its own capability, so that a retry of "all dead letters of `cap`" touches only it. */
async function deadLetter(cap: string): Promise<string> {
  const admin = callerAs(edge.rt, adminPrincipal);
  // A runtime of its own: failures shared by one runtime's agents would open that runtime's breaker.
  const agent = await registerAgent(edge.rt, { name: `csrf-${cap}`, capabilities: [cap], runtime: `rt-${cap}` });
  const { ids } = await admin.tasks.submit({ title: 'doomed', capabilities: [cap], maxAttempts: 1 });
  const work = await agent.caller.work.poll({ waitMs: 5000, start: true });
  expect(work?.taskId).toBe(ids[0]);
  await agent.caller.work.fail({ taskId: work!.taskId, leaseToken: work!.leaseToken, error: 'boom', retryable: true });
  expect((await admin.tasks.get({ id: ids[0] })).status).toBe('dead-lettered');
  return ids[0];
}

const statusOf = async (id: string) => (await callerAs(edge.rt, adminPrincipal).tasks.get({ id })).status;

describe.each([0, 1])('cross-site requests with the session cookie (entry point %i)', (i) => {
  let entry: EntryPoint;
  let cookie: string;
  let taskId: string;
  const cap = `csrf-cap-${i}`;
  beforeAll(async () => {
    entry = edge.entries[i];
    cookie = await signIn(entry);
    taskId = await deadLetter(cap);
  });

  const retryAll = (headers: Record<string, string>, body: BodyInit = JSON.stringify({ capability: cap })) =>
    fetch(`${entry.origin}/api/trpc/tasks.retryDeadLetters`, { method: 'POST', headers: { cookie, ...headers }, body });

  it.each([
    ['a hostile Origin', { origin: 'http://evil.example', 'content-type': 'application/json' }],
    ['Origin: null', { origin: 'null', 'content-type': 'application/json' }],
    [
      'a same-site page (Sec-Fetch-Site: same-site)',
      { origin: 'http://other.127.0.0.1.nip.io', 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
    ],
    ['no Origin and no Sec-Fetch-Site', { 'content-type': 'application/json' }],
    ['our own Origin but text/plain', { origin: 'OWN', 'content-type': 'text/plain' }],
  ])('refuses %s with 403 and changes nothing', async (_, headers) => {
    const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === 'OWN' ? entry.origin : v]));
    const res = await retryAll(h);
    expect(res.status).toBe(403);
    expect((await res.json()).error.data.code).toBe('FORBIDDEN');
    expect(await statusOf(taskId)).toBe('dead-lettered');
  });

  it('refuses a multipart form (what a hostile page posts without a preflight) with 403', async () => {
    const form = new FormData();
    form.set('capability', cap);
    const res = await retryAll({ origin: 'http://evil.example' }, form);
    expect(res.status).toBe(403);
    const sameOrigin = await retryAll({ origin: entry.origin }, form);
    expect(sameOrigin.status).toBe(403);
    expect((await sameOrigin.json()).error.message).toMatch(/only send application\/json \(got multipart\/form-data\)/);
    expect(await statusOf(taskId)).toBe('dead-lettered');
  });

  it('refuses signing in from another origin', async () => {
    const res = await fetch(`${entry.origin}/api/trpc/auth.signIn`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'test-password' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('reads with the cookie from anywhere (GET changes nothing) and accepts Bearer calls whatever their Origin', async () => {
    const read = await fetch(
      `${entry.origin}/api/trpc/tasks.get?input=${encodeURIComponent(JSON.stringify({ id: taskId }))}`,
      { headers: { cookie, origin: 'http://evil.example' } },
    );
    expect(read.status).toBe(200);
    const bearer = await fetch(`${entry.origin}/api/trpc/agents.list`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(bearer.status).toBe(200);
    const submit = await fetch(`${entry.origin}/api/trpc/tasks.submit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, origin: 'null', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'from a program', capabilities: ['nobody-has-it'] }),
    });
    expect(submit.status).toBe(200);
  });

  it.each([
    ['its own Origin', () => ({ origin: entry.origin })],
    [
      'Sec-Fetch-Site: same-origin (behind a proxy that rewrites Host)',
      () => ({ origin: 'https://flightdeck.example', 'sec-fetch-site': 'same-origin' }),
    ],
  ])('accepts the dashboard itself: %s, as JSON', async (_, headers) => {
    const id = await deadLetter(`${cap}-ok-${Math.random().toString(36).slice(2, 6)}`);
    const task = await callerAs(edge.rt, adminPrincipal).tasks.get({ id });
    const res = await fetch(`${entry.origin}/api/trpc/tasks.retryDeadLetters`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json; charset=utf-8', ...headers() },
      body: JSON.stringify({ capability: task.capabilities[0] }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).result.data.count).toBe(1);
    expect(['queued', 'assigned']).toContain(await statusOf(id));
  });
});
