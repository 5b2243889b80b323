import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, ApiError, isRefusal } from './client';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang-up';
let replies: Reply[] = [];
let seen: { method: string; url: string; auth?: string; body: string }[] = [];
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
      const reply = replies.shift() ?? { status: 200, body: { result: { data: 'ok' } } };
      if (reply === 'hang-up') return req.socket.destroy();
      res
        .writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
        .end(JSON.stringify(reply.body ?? {}));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const client = (base = url) => new ApiClient({ url: base, token: 'tok', backoff: { baseMs: 10, capMs: 40 } });
const reset = (...r: Reply[]) => {
  replies = r;
  seen = [];
};
const trpcError = (status: number, code: string) => ({
  status,
  body: { error: { message: `no: ${code}`, data: { code, httpStatus: status } } },
});

describe('ApiClient', () => {
  it('posts mutations with the bearer token and reads tRPC answers', async () => {
    reset({ status: 200, body: { result: { data: { id: 1 } } } });
    await expect(client(`${url}/`).mutate('agents.heartbeat', { load: 0.5 })).resolves.toEqual({ id: 1 });
    expect(seen).toEqual([
      { method: 'POST', url: '/api/trpc/agents.heartbeat', auth: 'Bearer tok', body: '{"load":0.5}' },
    ]);
  });

  it('sends query input in the query string', async () => {
    reset();
    await client(`${url}/api/trpc`).query('agents.get', { id: 'a 1' });
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: `/api/trpc/agents.get?input=${encodeURIComponent('{"id":"a 1"}')}`,
    });
  });

  it('retries 502/503/504 and dropped connections until the server answers', async () => {
    reset(
      { ...trpcError(503, 'SERVICE_UNAVAILABLE'), headers: { 'retry-after': '0' } },
      'hang-up',
      { status: 502, body: 'bad gateway' },
      { status: 504 },
      { status: 200, body: { result: { data: 42 } } },
    );
    await expect(client().mutate('work.poll', {})).resolves.toBe(42);
    expect(seen).toHaveLength(5);
  });

  it('honours Retry-After', async () => {
    reset({ ...trpcError(503, 'SERVICE_UNAVAILABLE'), headers: { 'retry-after': '1' } });
    const started = Date.now();
    await client().mutate('work.poll', {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('does not retry 401 or other refusals', async () => {
    reset(trpcError(401, 'UNAUTHORIZED'));
    await expect(client().mutate('agents.me', {})).rejects.toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    reset(trpcError(409, 'CONFLICT'));
    const err = await client()
      .mutate('work.complete', {})
      .catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(isRefusal(err)).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('stops retrying when its signal aborts', async () => {
    reset(...Array.from({ length: 1000 }, () => trpcError(503, 'SERVICE_UNAVAILABLE')));
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 150);
    await expect(client().mutate('work.poll', {}, abort.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.length).toBeGreaterThan(1);
  });
});
