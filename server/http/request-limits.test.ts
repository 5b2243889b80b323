import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, ADMIN_TOKEN, callerAs } from '@/server/testing/test-runtime';
import { startEntryPoints, type EntryPoint } from './testing/entry-points';

const LIMITS = {
  FLIGHTDECK_MAX_BODY_BYTES: String(64 * 1024),
  FLIGHTDECK_MAX_BATCH_CALLS: '3',
};

let edge: Awaited<ReturnType<typeof startEntryPoints>>;
beforeAll(async () => {
  edge = await startEntryPoints(LIMITS);
});
afterAll(async () => {
  await edge.close();
});

/** Sends only the request head and `sent` bytes of a body declared (or streamed) larger, and reads the answer. */
function partialUpload(
  entry: EntryPoint,
  path: string,
  opts: { declared?: number; chunks: number; chunkBytes: number },
): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${entry.origin}/api/trpc/${path}`);
    const headers: Record<string, string | number> = {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      'content-type': 'application/json',
    };
    if (opts.declared !== undefined) headers['content-length'] = opts.declared;
    const req = http.request(url, { method: 'POST', headers });
    let sent = 0;
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, sent }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(opts.chunkBytes, 'a');
    const write = (n: number) => {
      if (n === 0 || req.destroyed) return opts.declared === undefined ? req.end() : undefined;
      sent += chunk.length;
      req.write(chunk, () => setImmediate(() => write(n - 1)));
    };
    req.write('{"title":"', () => write(opts.chunks));
  });
}

describe.each([0, 1])('request size limits (entry point %i)', (i) => {
  let entry: EntryPoint;
  beforeAll(() => {
    entry = edge.entries[i];
  });

  it('answers a declared oversized body with 413 without waiting for it', async () => {
    // 100 MB announced, 8 KB sent: an answer can only come from reading the head alone.
    const res = await partialUpload(entry, 'agents.heartbeat', {
      declared: 100 * 1024 * 1024,
      chunks: 1,
      chunkBytes: 8 * 1024,
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(
      /104857600 bytes exceeds the limit of 65536 bytes \(FLIGHTDECK_MAX_BODY_BYTES\)/,
    );
  });

  it('cuts a chunked body off at the limit with 413', async () => {
    const before = (await callerAs(edge.rt, adminPrincipal).tasks.list({ limit: 500 })).items.length;
    const res = await partialUpload(entry, 'tasks.submit', { chunks: 40, chunkBytes: 8 * 1024 });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/exceeds the limit of 65536 bytes/);
    expect((await callerAs(edge.rt, adminPrincipal).tasks.list({ limit: 500 })).items.length).toBe(before);
  });

  it('accepts a body under the limit', async () => {
    const res = await fetch(`${entry.origin}/api/trpc/tasks.submit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'just under',
        capabilities: ['nobody-has-it'],
        payload: { blob: 'x'.repeat(60 * 1024) },
      }),
    });
    expect(res.status).toBe(200);
  });

  it('refuses a batch of more procedures than allowed with 413, and runs none of them', async () => {
    const paths = ['tasks.submit', 'tasks.submit', 'tasks.submit', 'tasks.submit'];
    const body = Object.fromEntries(paths.map((_, k) => [k, { title: `batched-${i}-${k}` }]));
    const res = await fetch(`${entry.origin}/api/trpc/${paths.join(',')}?batch=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(
      /at most 3 calls \(FLIGHTDECK_MAX_BATCH_CALLS\); this one holds 4/,
    );
    expect((await callerAs(edge.rt, adminPrincipal).tasks.list({ search: `batched-${i}-` })).items).toEqual([]);
  });

  it('answers a malformed percent-encoding in the path with 400 at once', async () => {
    // A raw socket: fetch would normalise the path. No answer at all was the defect.
    const answer = await new Promise<string>((resolve, reject) => {
      const { port } = new URL(entry.origin);
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `GET /api/trpc/tasks.get%E0%A4%A?input=%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nConnection: close\r\n\r\n`,
        );
      });
      let data = '';
      socket.on('data', (c) => (data += c));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
      socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer within 10 s; got: ${data}`)));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toMatch(/malformed percent-encoding/i);
  });
});
