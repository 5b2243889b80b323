import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@/server/testing/built-server';
import { createProxyServer } from './proxy-server';
import { ReplicaPool } from './replica-pool';

// The proxy over real sockets, in front of small HTTP servers that stand in for replicas.

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

interface FakeReplica {
  port: number;
  /** Requests it received (method and path). */
  seen: string[];
  headers: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function fakeReplica(handler: Handler): Promise<FakeReplica> {
  const seen: string[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    headers.push(req.headers);
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  closers.push(close);
  return { port: (server.address() as AddressInfo).port, seen, headers, close };
}

const answerOk: Handler = (req, res, body) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ method: req.method, body }));
};

/** The proxy in front of `ports` (all ready unless told), on a free port. */
async function proxyFor(ports: number[], states: ('ready' | 'down' | 'unready')[] = []) {
  const pool = new ReplicaPool();
  ports.forEach((port, i) => {
    pool.started(i + 1, port, 1000 + i);
    const state = states[i] ?? 'ready';
    if (state === 'down') pool.exited(i + 1);
    else pool.report(i + 1, port, state);
  });
  const server = createProxyServer(pool);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return { pool, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A port nothing listens on: a replica that died. */
const deadPort = () => freePort();

describe('forwarding', () => {
  it('passes method, path, body and answer through, and tells the replica who asked', async () => {
    const replica = await fakeReplica(answerOk);
    const { url } = await proxyFor([replica.port]);
    const res = await fetch(`${url}/api/trpc/tasks.submit?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: '{"title":"t"}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ method: 'POST', body: '{"title":"t"}' });
    expect(replica.seen).toEqual(['POST /api/trpc/tasks.submit?x=1']);
    const h = replica.headers[0];
    // Host as the client sent it: the replica's same-origin check compares Origin with it.
    expect(h.host).toBe(new URL(url).host);
    expect(h['x-forwarded-host']).toBe(new URL(url).host);
    expect(h['x-forwarded-proto']).toBe('http');
    expect(h['x-forwarded-for']).toMatch(/127\.0\.0\.1/);
    expect(h.origin).toBe(url);
  });

  it('keeps the X-Forwarded-* values of a load balancer in front and adds to the chain', async () => {
    const replica = await fakeReplica(answerOk);
    const { url } = await proxyFor([replica.port]);
    await fetch(`${url}/`, {
      headers: { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'fd.example' },
    });
    const h = replica.headers[0];
    expect(h['x-forwarded-for']).toMatch(/^203\.0\.113\.7, .*127\.0\.0\.1$/);
    expect(h['x-forwarded-proto']).toBe('https');
    expect(h['x-forwarded-host']).toBe('fd.example');
  });

  it('streams a live answer as it comes, without waiting for its end', async () => {
    let finish: () => void = () => {};
    const replica = await fakeReplica((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('id: 1\ndata: {"a":1}\n\n');
      finish = () => res.end();
    });
    const { url } = await proxyFor([replica.port]);
    const res = await fetch(`${url}/api/trpc/events.live`);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('id: 1');
    finish();
    expect((await reader.read()).done).toBe(true);
  });

  it("passes a replica's refusal of an announced oversized body before the client sends it", async () => {
    // The stand-in refuses from the head, as the real server does for a body over its limit.
    const server = http.createServer();
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    server.on('checkContinue', (_req, res) => {
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
      res.end('{"error":"too large"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const refusing = await proxyFor([(server.address() as AddressInfo).port]);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${refusing.url}/api/trpc/tasks.submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': 100 * 1024 * 1024, expect: '100-continue' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('continue', () => reject(new Error('the proxy asked for the oversized body')));
      req.on('error', reject);
    });
    expect(status).toBe(413);
  });
});

describe('a replica that is down', () => {
  it('is skipped: a request refused by it goes to another replica, mutations included, and it leaves the rotation', async () => {
    const live = await fakeReplica(answerOk);
    const { url, pool } = await proxyFor([await deadPort(), live.port]);
    for (let i = 0; i < 4; i++) {
      const get = await fetch(`${url}/api/trpc/tasks.list`);
      expect(get.status).toBe(200);
      const post = await fetch(`${url}/api/trpc/work.complete`, { method: 'POST', body: `{"n":${i}}` });
      expect(await post.json()).toEqual({ method: 'POST', body: `{"n":${i}}` });
    }
    expect(pool.get(1)!.state).toBe('down');
    expect(live.seen).toHaveLength(8);
  });

  it('answers 503 when no replica is up', async () => {
    const { url } = await proxyFor([await deadPort()], ['down']);
    const res = await fetch(`${url}/api/trpc/tasks.list`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await res.json()).error.data.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('answers 503 when every replica refuses the connection', async () => {
    const { url } = await proxyFor([await deadPort(), await deadPort()]);
    const res = await fetch(`${url}/api/trpc/tasks.list`);
    expect(res.status).toBe(503);
  });
});

describe('a replica that dies during a request', () => {
  const dies: Handler = (req) => req.socket.destroy();

  it('has a query retried once on another replica', async () => {
    const dying = await fakeReplica(dies);
    const live = await fakeReplica(answerOk);
    const { url } = await proxyFor([dying.port, live.port]);
    const res = await fetch(`${url}/api/trpc/tasks.get?input=%7B%7D`);
    expect(res.status).toBe(200);
    expect(dying.seen).toHaveLength(1);
    expect(live.seen).toEqual(['GET /api/trpc/tasks.get?input=%7B%7D']);
  });

  it('answers a mutation 502 and does not send it again: it may have taken effect', async () => {
    const dying = await fakeReplica(dies);
    const live = await fakeReplica(answerOk);
    const { url } = await proxyFor([dying.port, live.port]);
    const res = await fetch(`${url}/api/trpc/work.complete`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(502);
    expect((await res.json()).error.data.code).toBe('BAD_GATEWAY');
    expect(dying.seen).toHaveLength(1);
    expect(live.seen).toHaveLength(0);
  });

  it('ends a live stream cleanly, so the client reconnects and resumes from its last id', async () => {
    const replica = await fakeReplica((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('id: 7\ndata: {}\n\n');
      setTimeout(() => req.socket.destroy(), 50);
    });
    const { url } = await proxyFor([replica.port]);
    const res = await fetch(`${url}/api/trpc/events.live`);
    // Read to the end: the stream closes without an error.
    expect(await res.text()).toBe('id: 7\ndata: {}\n\n');
  });

  it('cuts any other answer, so the client cannot take a part for the whole', async () => {
    const replica = await fakeReplica((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"result":');
      setTimeout(() => req.socket.destroy(), 50);
    });
    const { url } = await proxyFor([replica.port]);
    const res = await fetch(`${url}/api/trpc/tasks.list`);
    await expect(res.text()).rejects.toThrow();
  });
});

describe('a client that goes away', () => {
  it("closes the replica's side of its live stream (which holds a per-session slot there)", async () => {
    let replicaSideClosed: () => void = () => {};
    const closed = new Promise<void>((r) => (replicaSideClosed = r));
    const replica = await fakeReplica((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': connected\n\n');
      res.on('close', () => replicaSideClosed());
    });
    const { url, pool } = await proxyFor([replica.port]);
    const ac = new AbortController();
    const res = await fetch(`${url}/api/trpc/events.live`, { signal: ac.signal });
    await res.body!.getReader().read();
    expect(pool.get(1)!.active).toBe(1);
    ac.abort();
    await closed;
    await expect.poll(() => pool.get(1)!.active).toBe(0);
  });
});

describe("the proxy's own /api/ready", () => {
  it('is ready when at least one replica is, and lists each one', async () => {
    const { url, pool } = await proxyFor([4001, 4002], ['down', 'ready']);
    pool.report(2, 4002, 'ready', { mode: { storage: 'postgres', events: 'redis' } });
    const res = await fetch(`${url}/api/ready`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ready: true, mode: { storage: 'postgres', events: 'redis' } });
    expect(body.replicas.map((r: { id: number; state: string }) => [r.id, r.state])).toEqual([
      [1, 'down'],
      [2, 'ready'],
    ]);
  });

  it('answers 503 when no replica is ready, naming why', async () => {
    const { url, pool } = await proxyFor([4001], ['unready']);
    pool.report(1, 4001, 'unready', { why: 'HTTP 503 (database: connection refused)' });
    const res = await fetch(`${url}/api/ready`);
    expect(res.status).toBe(503);
    expect((await res.json()).checks['replica 1']).toEqual({
      ok: false,
      error: 'HTTP 503 (database: connection refused)',
    });
  });
});
