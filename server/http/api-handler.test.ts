import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestRuntime } from '@/server/testing/test-runtime';
import { createApiHandler } from './api-handler';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
let server: http.Server;
let base: string;

beforeAll(async () => {
  // Default heartbeat policy: unhealthy after 15 s, offline (work requeued) after 30 s.
  rt = await startTestRuntime();
  const api = createApiHandler(async () => rt);
  server = http.createServer((req, res) => {
    if (!api(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await rt.dispose();
});

/** A minimal HTTP agent, as any language would write it. */
async function call(procedure: string, token: string, input?: unknown) {
  const res = await fetch(`${base}/${procedure}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: input === undefined ? undefined : JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data: any }; error?: { message: string } };
  if (!res.ok) throw Object.assign(new Error(body.error?.message), { status: res.status });
  return body.result!.data;
}
async function query(procedure: string, input: unknown) {
  const res = await fetch(`${base}/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  return ((await res.json()) as { result: { data: any } }).result.data;
}

describe('HTTP agents over a real socket', () => {
  it('a silent agent loses its running task within 32 s and another agent completes it', async () => {
    const lost = await call('agents.register', ADMIN_TOKEN, { name: 'http-lost', capabilities: ['http-failover'] });
    await call('agents.heartbeat', lost.token, {});
    const { ids } = await call('tasks.submit', ADMIN_TOKEN, { title: 'must finish', capabilities: ['http-failover'] });
    const work = await call('work.poll', lost.token, { waitMs: 5000 });
    expect(work.taskId).toBe(ids[0]);
    await call('work.start', lost.token, { taskId: work.taskId, leaseToken: work.leaseToken });
    const silentSince = Date.now();

    // The rescuer heartbeats and long-polls; the lost agent says nothing more.
    const rescuer = await call('agents.register', ADMIN_TOKEN, {
      name: 'http-rescuer',
      capabilities: ['http-failover'],
    });
    const beat = setInterval(() => void call('agents.heartbeat', rescuer.token, {}).catch(() => {}), 5000);
    try {
      await call('agents.heartbeat', rescuer.token, {});
      let retry = null;
      while (!retry && Date.now() - silentSince < 40_000)
        retry = await call('work.poll', rescuer.token, { waitMs: 10_000 });
      const requeuedAfter = Date.now() - silentSince;
      expect(retry).toMatchObject({ taskId: ids[0], attempt: 2 });
      expect(requeuedAfter).toBeLessThanOrEqual(32_000);
      await call('work.complete', rescuer.token, {
        taskId: retry.taskId,
        leaseToken: retry.leaseToken,
        result: { ok: true },
      });
    } finally {
      clearInterval(beat);
    }
    expect((await query('tasks.get', { id: ids[0] })).status).toBe('succeeded');
    // The lost agent comes back too late: its report is refused.
    await expect(
      call('work.complete', lost.token, { taskId: work.taskId, leaseToken: work.leaseToken }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await query('agents.get', { id: lost.agentId })).status).toBe('offline');
  }, 60_000);

  it("reports a task and polls for the next in one HTTP request (tRPC's batch form)", async () => {
    const agent = await call('agents.register', ADMIN_TOKEN, { name: 'http-batcher', capabilities: ['http-batch'] });
    await call('agents.heartbeat', agent.token, {});
    const { ids } = await call('tasks.submit', ADMIN_TOKEN, {
      tasks: [
        { title: 'one', capabilities: ['http-batch'] },
        { title: 'two', capabilities: ['http-batch'] },
      ],
    });
    const first = await call('work.poll', agent.token, { waitMs: 5000, start: true });
    const res = await fetch(`${base}/work.complete,work.poll?batch=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        0: { taskId: first.taskId, leaseToken: first.leaseToken, result: 'done' },
        1: { waitMs: 5000, start: true },
      }),
    });
    expect(res.status).toBe(200);
    const [completed, next] = (await res.json()) as { result: { data: any } }[];
    expect(completed.result.data).toEqual({ status: 'succeeded' });
    expect(next.result.data.taskId).toBe(ids.find((id: string) => id !== first.taskId));
    expect((await query('tasks.get', { id: first.taskId })).status).toBe('succeeded');
    expect((await query('tasks.get', { id: next.result.data.taskId })).status).toBe('running');
  });
});
