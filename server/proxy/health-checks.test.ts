import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@/server/testing/built-server';
import { HealthChecks } from './health-checks';
import { ReplicaPool } from './replica-pool';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

/** A stand-in replica whose `/api/ready` answers `status` with `body` (or never, when status is null). */
async function readyEndpoint(status: number | null, body: unknown = {}): Promise<number> {
  const server = http.createServer((_req, res) => {
    if (status === null) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return (server.address() as AddressInfo).port;
}

async function checkOnce(port: number, state: 'starting' | 'ready', timeoutMs = 5_000) {
  const pool = new ReplicaPool();
  pool.started(1, port, 123);
  if (state === 'ready') pool.report(1, port, 'ready');
  const checks = new HealthChecks(pool, { intervalMs: 60_000, timeoutMs });
  checks.start();
  closers.push(() => void checks.stop());
  await expect.poll(() => pool.get(1)!.state).not.toBe(state);
  return pool.get(1)!;
}

describe('health checks of the replicas', () => {
  it('puts a replica whose /api/ready answers 200 in rotation, with its mode', async () => {
    const port = await readyEndpoint(200, { ready: true, mode: { storage: 'postgres', events: 'redis' } });
    const r = await checkOnce(port, 'starting');
    expect(r).toMatchObject({ state: 'ready', mode: { storage: 'postgres', events: 'redis' } });
  });

  it('marks a replica that answers 503 unready, naming the failed check', async () => {
    const port = await readyEndpoint(503, { ready: false, checks: { database: { ok: false, error: 'timeout' } } });
    const r = await checkOnce(port, 'ready');
    expect(r).toMatchObject({ state: 'unready', why: 'HTTP 503 (database: timeout)' });
  });

  it('takes a ready replica that refuses connections out of rotation', async () => {
    const r = await checkOnce(await freePort(), 'ready');
    expect(r).toMatchObject({ state: 'down', why: 'ECONNREFUSED' });
  });

  it('takes a ready replica that stopped answering (a hung or stopped process) out of rotation', async () => {
    const r = await checkOnce(await readyEndpoint(null), 'ready', 300);
    expect(r).toMatchObject({ state: 'down', why: 'its health check timed out' });
  });
});
