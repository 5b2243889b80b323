import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '@/cli/build.mjs';
import { ensureBuilt, startBuiltServer, type BuiltServer } from '@/server/testing/built-server';

/** A process as /proc names it: the pid and its start time, so a recycled pid is not mistaken for it. */
interface Proc {
  pid: number;
  start: string;
  cmd: string;
}

function stat(pid: number): { state: string; ppid: number; start: string } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { state: f[0], ppid: Number(f[1]), start: f[19] };
  } catch {
    return null;
  }
}

/** Every process below `root`, however deep (worker, its TypeScript child, the CLIs it runs). */
function descendants(root: number): Proc[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(name)]);
  }
  const found: Proc[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.shift()!;
    const s = stat(pid);
    if (!s) continue;
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ').trim();
    } catch {
      /* gone */
    }
    found.push({ pid, start: s.start, cmd });
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

const alive = (p: Proc) => {
  const s = stat(p.pid);
  return s !== null && s.start === p.start && s.state !== 'Z';
};

function kill(pid: number) {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

async function trpc<T = any>(
  server: BuiltServer,
  procedure: string,
  input: unknown,
  method: 'GET' | 'POST' = 'POST',
): Promise<T> {
  const url = `${server.url}/api/trpc/${procedure}${method === 'GET' ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ''}`;
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: method === 'POST' ? JSON.stringify(input) : undefined,
  });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok) throw new Error(`${procedure}: HTTP ${res.status} ${body.error?.message}`);
  return body.result!.data;
}

let workdir: string;
let server: BuiltServer | null = null;
let outsider: ChildProcess | null = null;
let children: Proc[] = [];
beforeAll(async () => {
  await ensureBuilt();
  workdir = mkdtempSync(path.join(tmpdir(), 'fd-outsider-'));
}, 600_000);
// Nothing outlives a test, whatever failed: the pool's processes, our own worker, the server.
afterEach(async () => {
  for (const p of children.splice(0)) if (alive(p)) kill(p.pid);
  if (outsider?.pid) kill(outsider.pid);
  outsider = null;
  await server?.stop(2_000);
  server = null;
});
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

describe('shutdown with a process pool', () => {
  it.each([
    ['one Ctrl-C', null, {}],
    // A longer budget, so the agents are still draining when the second Ctrl-C comes.
    ['Ctrl-C, then again 2 s later (hurried)', 2_000, { FLIGHTDECK_SHUTDOWN_TIMEOUT_MS: '30000' }],
  ] as const)(
    '%s: stops the agent processes the server started (and the CLIs they run), and leaves a worker it did not start running',
    async (_how, againAfterMs, env) => {
      server = await startBuiltServer({ launcher: true, env });
      const srv = server;
      const { id } = await trpc(srv, 'pools.create', {
        name: 'shutdown-pool',
        capabilities: ['shutdown-test'],
        provider: 'process',
        adapter: 'shell',
        providerSettings: { command: 'sleep 120' },
        minSize: 2,
        maxSize: 2,
        scaleUpCooldownMs: 0,
      });
      // A worker started by hand against the server, in its own process group as a terminal would run it.
      outsider = spawn(
        process.execPath,
        [
          path.join(ROOT, 'cli', 'bin.mjs'),
          'agent',
          '--url',
          srv.url,
          '--adapter',
          'shell',
          '--command',
          'sleep 1',
          '--capabilities',
          'elsewhere',
          '--name',
          'outsider',
        ],
        { cwd: workdir, env: { ...process.env, FLIGHTDECK_TOKEN: srv.token }, detached: true, stdio: 'ignore' },
      );
      const outsiderPid = outsider.pid!;

      const poolAgents = async () =>
        (await trpc<{ agents: { status: string; running: boolean }[] }>(srv, 'pools.get', { id }, 'GET')).agents;
      await expect
        .poll(async () => (await poolAgents()).filter((a) => a.running && a.status === 'idle').length, {
          timeout: 60_000,
          interval: 500,
        })
        .toBe(2);
      await expect
        .poll(
          async () =>
            (
              await trpc<{ items: { name: string; status: string }[] }>(
                srv,
                'agents.list',
                { search: 'outsider' },
                'GET',
              )
            ).items.find((a) => a.name === 'outsider')?.status,
          { timeout: 60_000, interval: 500 },
        )
        .toBe('idle');
      const ours = [
        { pid: outsiderPid, start: stat(outsiderPid)!.start, cmd: 'outsider' },
        ...descendants(outsiderPid),
      ];
      // Both pool agents busy with a long task when the server stops.
      const { ids } = await trpc<{ ids: string[] }>(srv, 'tasks.submit', {
        tasks: [1, 2].map((n) => ({ title: `long ${n}`, capabilities: ['shutdown-test'] })),
      });
      await expect
        .poll(
          async () => {
            const statuses = await Promise.all(
              ids.map(async (t) => (await trpc<{ status: string }>(srv, 'tasks.get', { id: t }, 'GET')).status),
            );
            return statuses.filter((s) => s === 'running').length;
          },
          { timeout: 60_000, interval: 500 },
        )
        .toBe(2);

      children = descendants(srv.pid);
      expect(
        children.filter((p) => p.cmd.includes('bin.mjs agent')),
        JSON.stringify(children),
      ).toHaveLength(2);
      expect(
        children.filter((p) => p.cmd.includes('sleep 120')).length,
        JSON.stringify(children),
      ).toBeGreaterThanOrEqual(2);
      expect(children.map((p) => p.pid)).not.toContain(outsiderPid);

      // To the launcher's process group, as a terminal does (the pool's workers have groups of their own).
      srv.signal('SIGINT');
      if (againAfterMs !== null) {
        await sleep(againAfterMs);
        srv.signal('SIGINT');
      }
      const result = await Promise.race([srv.exited, sleep(30_000).then(() => 'still running after 30 s')]);
      // Exit 0: every step finished within the shutdown budget (past it the server exits 1).
      expect(result, srv.output()).toEqual({ code: 0, signal: null });
      if (againAfterMs !== null) expect(srv.output()).toContain('hurrying the shutdown');
      expect(children.filter(alive).map((p) => p.cmd)).toEqual([]);
      expect(ours.filter((p) => !alive(p)).map((p) => p.cmd)).toEqual([]);
    },
    240_000,
  );
});
