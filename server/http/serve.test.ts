import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type BuiltServer } from '@/server/testing/built-server';

// The production server exactly as `npm start` runs it, over real HTTP.
let srv: BuiltServer;
let cookie: string;
let deadTaskId: string;
let agentId: string;

async function api(procedure: string, input: unknown, token = srv.token) {
  const res = await fetch(`${srv.url}/api/trpc/${procedure}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${procedure}: ${res.status} ${JSON.stringify(body)}`);
  return body.result.data;
}
const taskStatus = async (id: string) =>
  (
    await (
      await fetch(`${srv.url}/api/trpc/tasks.get?input=${encodeURIComponent(JSON.stringify({ id }))}`, {
        headers: { authorization: `Bearer ${srv.token}` },
      })
    ).json()
  ).result.data.status;

beforeAll(async () => {
  srv = await startBuiltServer();
  const signIn = await fetch(`${srv.url}/api/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'test-password' }),
  });
  expect(signIn.status).toBe(200);
  cookie = signIn.headers.getSetCookie()[0].split(';')[0];
  // A dead letter for a hostile page to try to retry.
  const agent = await api('agents.register', { name: 'doomed-worker', capabilities: ['doomed'], runtime: 'doomed' });
  agentId = agent.agentId;
  deadTaskId = (await api('tasks.submit', { title: 'doomed', capabilities: ['doomed'], maxAttempts: 1 })).ids[0];
  const work = await api('work.poll', { waitMs: 10_000, start: true }, agent.token);
  await api(
    'work.fail',
    { taskId: work.taskId, leaseToken: work.leaseToken, error: 'boom', retryable: true },
    agent.token,
  );
  expect(await taskStatus(deadTaskId)).toBe('dead-lettered');
}, 300_000);
afterAll(async () => {
  await srv?.stop();
});

describe("cross-site requests with the operator's session cookie", () => {
  const retry = (headers: Record<string, string>, body: BodyInit) =>
    fetch(`${srv.url}/api/trpc/tasks.retryDeadLetters`, { method: 'POST', headers: { cookie, ...headers }, body });

  it.each([
    ['a hostile Origin', { origin: 'http://evil.example', 'content-type': 'application/json' }],
    ['Origin: null', { origin: 'null', 'content-type': 'application/json' }],
  ])('refuses %s with 403', async (_, headers) => {
    expect((await retry(headers, JSON.stringify({}))).status).toBe(403);
    expect(await taskStatus(deadTaskId)).toBe('dead-lettered');
  });

  it('logs what it refused, for the operator', async () => {
    await retry({ origin: 'http://evil.example', 'content-type': 'application/json' }, JSON.stringify({}));
    const line = srv
      .output()
      .split('\n')
      .find((l) => l.includes('"msg":"request refused"') && l.includes('"origin":"http://evil.example"'));
    expect(line).toMatch(/"status":403/);
    expect(line).toMatch(/"path":"tasks.retryDeadLetters"/);
  });

  it('refuses a multipart form with 403', async () => {
    expect((await retry({ origin: 'http://evil.example' }, new FormData())).status).toBe(403);
    expect(await taskStatus(deadTaskId)).toBe('dead-lettered');
  });

  it("accepts the same call from the dashboard's own origin", async () => {
    const res = await retry(
      { origin: srv.url, 'content-type': 'application/json' },
      JSON.stringify({ capability: 'doomed' }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).result.data.count).toBe(1);
  });
});

describe('oversized and malformed requests', () => {
  /** Announces 100 MB, sends 16 KB, and waits for the answer: it can only come from the head. */
  const oversized = (path: string, expectContinue: boolean) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(`${srv.url}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${srv.token}`,
          'content-type': 'application/json',
          'content-length': 100 * 1024 * 1024,
          ...(expectContinue ? { expect: '100-continue' } : {}),
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('continue', () => reject(new Error('the server asked for the oversized body')));
      req.on('error', reject);
      if (!expectContinue) req.write(Buffer.alloc(16 * 1024, 'a'));
    });

  it('answers a 100 MB heartbeat with 413 before its body arrives', async () => {
    expect(await oversized('/api/trpc/agents.heartbeat', false)).toBe(413);
  });

  it('answers 413 instead of 100 Continue when the client asks first', async () => {
    expect(await oversized('/api/trpc/tasks.submit', true)).toBe(413);
  });

  it.each(['/api/trpc/tasks.get%E0%A4%A', '/tasks/%E0%A4%A'])(
    'answers a malformed path (%s) with 400 at once',
    async (path) => {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(srv.port, '127.0.0.1', () =>
          socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
        );
        let data = '';
        socket.on('data', (c) => (data += c));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
        socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
    },
  );
});

describe('live stream', () => {
  it('answers an anonymous events.live with HTTP 401', async () => {
    const res = await fetch(`${srv.url}/api/trpc/events.live`, { headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.data.code).toBe('UNAUTHORIZED');
  });
});

describe('security headers on every answer', () => {
  const expectCommon = (res: Response, what: string) => {
    expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(res.headers.get('referrer-policy'), what).toBe('same-origin');
    expect(res.headers.get('x-frame-options'), what).toBe('DENY');
  };

  it('gives every dashboard page a nonce-based policy that Next applies to its scripts', async () => {
    const pages = [
      '/signin',
      '/',
      '/agents',
      `/agents/${agentId}`,
      '/tasks',
      `/tasks/${deadTaskId}`,
      '/dead-letters',
      '/balancing',
      '/pools',
      '/no-such-page',
    ];
    for (const page of pages) {
      const res = await fetch(`${srv.url}${page}`, { headers: { cookie }, redirect: 'manual' });
      expect([200, 307, 404], page).toContain(res.status);
      expectCommon(res, page);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, page).toMatch(/frame-ancestors 'none'/);
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, page).not.toMatch(/unsafe-inline/);
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
      expect(nonce, page).toBeTruthy();
      if (res.status === 307) continue;
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, page).toContain(`nonce="${nonce}"`);
    }
  });

  it('gives each page a fresh nonce', async () => {
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec((await fetch(`${srv.url}/signin`)).headers.get('content-security-policy') ?? '')?.[1];
    expect(await nonceOf()).not.toBe(await nonceOf());
  });

  it('sets them on API answers, health, metrics and static files too', async () => {
    const html = await (await fetch(`${srv.url}/signin`)).text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const answers: [string, RequestInit?][] = [
      ['/api/trpc/tasks.list', { headers: { authorization: `Bearer ${srv.token}` } }],
      ['/api/trpc/tasks.list'],
      [
        '/api/trpc/tasks.retryDeadLetters',
        { method: 'POST', headers: { cookie, origin: 'null', 'content-type': 'application/json' }, body: '{}' },
      ],
      ['/api/health'],
      ['/api/ready'],
      ['/api/metrics'],
      [asset!],
    ];
    for (const [path, init] of answers) {
      const res = await fetch(`${srv.url}${path}`, init);
      expectCommon(res, path);
      if (path.startsWith('/api/'))
        expect(res.headers.get('content-security-policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
      await res.arrayBuffer();
    }
  });
});
