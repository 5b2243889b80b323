import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../cli/build.mjs';
import { LiveEvents } from '../../faults/lib/live-events';
import { startBuiltServer, type BuiltServer } from '@/server/testing/built-server';

// `flightdeck start --replicas N` as an operator runs it: real processes, one port.

describe('flightdeck start --replicas without PostgreSQL', () => {
  it('refuses, naming the flag and DATABASE_URL (the embedded database is one process)', async () => {
    const env = { ...process.env, DATABASE_URL: '' };
    const child = spawn(process.execPath, [path.join(ROOT, 'cli', 'bin.mjs'), 'start', '--replicas', '2'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--replicas 2 needs DATABASE_URL');
    expect(stderr).toMatch(/embedded database \(PGlite\) can be opened by one process only/);
  });
});

interface ReplicaLine {
  id: number;
  pid: number;
  port: number;
}

/** The replicas the launcher announced, the latest process of each. */
function replicasIn(output: string): Map<number, ReplicaLine> {
  const seen = new Map<number, ReplicaLine>();
  for (const m of output.matchAll(/^ {2}replica (\d+): pid (\d+) on http:\/\/127\.0\.0\.1:(\d+)$/gm))
    seen.set(Number(m[1]), { id: Number(m[1]), pid: Number(m[2]), port: Number(m[3]) });
  return seen;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

if (process.env.DATABASE_URL) {
  describe('flightdeck start --replicas 2', () => {
    let srv: BuiltServer;

    async function call(procedure: string, input: unknown, token = srv.token) {
      const res = await fetch(`${srv.url}/api/trpc/${procedure}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(`${procedure}: ${res.status} ${JSON.stringify(body)}`);
      return body.result.data;
    }
    async function query(procedure: string, input: unknown) {
      const q = encodeURIComponent(JSON.stringify(input));
      const res = await fetch(`${srv.url}/api/trpc/${procedure}?input=${q}`, {
        headers: { authorization: `Bearer ${srv.token}` },
      });
      const body = await res.json();
      if (!res.ok) throw new Error(`${procedure}: ${res.status} ${JSON.stringify(body)}`);
      return body.result.data;
    }
    /** The proxy's view: every replica ready, and which processes they are. */
    async function allReady(): Promise<{ id: number; pid: number; state: string }[] | null> {
      const body = await (await fetch(`${srv.url}/api/ready`)).json();
      return body.replicas.every((r: { state: string }) => r.state === 'ready') ? body.replicas : null;
    }
    async function waitFor<T>(what: string, read: () => Promise<T | null | false>, timeoutMs = 60_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const v = await read().catch(() => null);
        if (v) return v;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}. Output:\n${srv.output()}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }

    beforeAll(async () => {
      srv = await startBuiltServer({ replicas: 2, env: { LOG_LEVEL: 'warn' } });
      await waitFor('both replicas ready', allReady, 120_000);
    }, 300_000);
    afterAll(async () => {
      await srv?.stop();
    });

    it('announces each replica (pid, port) and where the dashboard is', () => {
      const replicas = replicasIn(srv.output());
      expect([...replicas.keys()].sort()).toEqual([1, 2]);
      for (const r of replicas.values()) expect(alive(r.pid)).toBe(true);
      expect(srv.output()).toContain(`Dashboard: http://localhost:${srv.port}`);
      expect(srv.output()).toMatch(
        /Flightdeck is ready \(production mode: PostgreSQL, .*\), 2 replicas behind one port/,
      );
    });

    it('serves the dashboard through the proxy, signed in with a session cookie', async () => {
      const signIn = await fetch(`${srv.url}/api/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: srv.url },
        body: JSON.stringify({ username: 'admin', password: 'test-password' }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.getSetCookie()[0].split(';')[0];
      // Several pages, so both replicas answer some: the session is in the database.
      for (const page of ['/', '/agents', '/tasks', '/', '/agents', '/tasks']) {
        const res = await fetch(`${srv.url}${page}`, { headers: { cookie }, redirect: 'manual' });
        expect(res.status, page).toBe(200);
        expect(await res.text(), page).toContain('<html');
      }
      // A cookie call from the dashboard's own origin passes the same-origin check behind the proxy.
      const retry = await fetch(`${srv.url}/api/trpc/tasks.retryDeadLetters`, {
        method: 'POST',
        headers: { cookie, origin: srv.url, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(retry.status).toBe(200);
    });

    it('serves the agent protocol: a long-poll on one replica gets a task submitted through the other', async () => {
      const agent = await call('agents.register', { name: 'proxied', runtime: 'shell', capabilities: ['proxied'] });
      // The waiting poll holds one replica, so the submit goes to the other (the least busy).
      const poll = call('work.poll', { waitMs: 25_000, start: true }, agent.token);
      await new Promise((r) => setTimeout(r, 500));
      const [taskId] = (await call('tasks.submit', { title: 'through the proxy', capabilities: ['proxied'] })).ids;
      const work = await poll;
      expect(work.taskId).toBe(taskId);
      await call('work.complete', { taskId, leaseToken: work.leaseToken, result: { output: 'done' } }, agent.token);
      expect((await query('tasks.get', { id: taskId })).status).toBe('succeeded');
    });

    it('keeps requests and the live stream working through a kill -9 of each replica, and restarts them', async () => {
      const live = new LiveEvents(srv.url, srv.token);
      await waitFor('the live stream', async () => live.connectedAt.length > 0);
      const submitted: string[] = [];
      const failures: string[] = [];
      let stop = false;
      // An operator's traffic throughout: reads and submits, one after another.
      const traffic = (async () => {
        while (!stop) {
          try {
            submitted.push(...(await call('tasks.submit', { title: 'during kills', capabilities: ['nobody'] })).ids);
            await query('tasks.list', { limit: 5 });
          } catch (err) {
            failures.push((err as Error).message);
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      })();

      for (const id of [1, 2]) {
        // Not in step with the traffic's first request.
        await new Promise((r) => setTimeout(r, 1_000 + Math.random() * 500));
        const before = replicasIn(srv.output()).get(id)!;
        process.kill(before.pid, 'SIGKILL');
        // Restarted on a new port, and back in rotation.
        const after = await waitFor(`replica ${id} restarted`, async () => {
          const r = replicasIn(srv.output()).get(id);
          return r && r.pid !== before.pid ? r : null;
        });
        await waitFor(`replica ${id} ready again`, async () => {
          const ready = await allReady();
          return ready?.find((r) => r.id === id)?.pid === after.pid ? ready : null;
        });
        expect(srv.output()).toContain(`replica ${id} (pid ${before.pid}) exited (killed by SIGKILL): restarting it`);
      }
      stop = true;
      await traffic;

      // The stream held by a killed replica was cut and resumed elsewhere, missing nothing.
      expect(live.connectedAt.length).toBeGreaterThanOrEqual(2);
      await waitFor('every submitted task on the live stream', async () => {
        const seen = new Set(live.events.filter((e) => e.name === 'task:submitted').flatMap((e) => e.taskIds));
        return submitted.every((id) => seen.has(id));
      });
      await live.close();
      const ids = live.stateChanges.map((e) => Number(e.id));
      expect(ids, 'state changes arrive once each, in log order').toEqual([...new Set(ids)].sort((a, b) => a - b));
      expect(submitted.length).toBeGreaterThan(10);
      // A submit in flight on the replica at the instant it died may be answered 502 (it may
      // have taken effect); nothing else fails.
      expect(failures.length, failures.join('\n')).toBeLessThanOrEqual(2);
      for (const f of failures) expect(f).toMatch(/^tasks\.submit: 502 /);
    }, 240_000);

    it('stops the proxy and every replica on SIGTERM, exiting 0', async () => {
      const pids = [...replicasIn(srv.output()).values()].map((r) => r.pid);
      process.kill(srv.pid, 'SIGTERM');
      const exit = await Promise.race([srv.exited, new Promise((r) => setTimeout(() => r('late'), 60_000))]);
      expect(exit, srv.output()).toEqual({ code: 0, signal: null });
      expect(srv.output()).toContain('all replicas stopped cleanly');
      for (const pid of pids) expect(alive(pid)).toBe(false);
      await expect(fetch(`${srv.url}/api/ready`)).rejects.toThrow();
    }, 90_000);
  });
}
