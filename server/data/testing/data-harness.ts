import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../../cli/build.mjs';
import type { BuiltServer } from '../../testing/built-server';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `flightdeck <args>` (cli/bin.mjs, as an operator would) in `cwd` with `env` on top of a
 * clean environment: no DATABASE_URL, REDIS_URL or admin token leaks in from the test run.
 */
export function runCli(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|REDIS_URL|FLIGHTDECK_|PORT$)/.test(k)),
  );
  const child = spawn(process.execPath, [path.join(ROOT, 'cli', 'bin.mjs'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...base, LOG_LEVEL: 'warn', ...opts.env } as Record<string, string> as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Calls a tRPC procedure of a built server over HTTP as the admin; returns `result.data` or throws the error. */
export async function api<T = any>(
  server: BuiltServer,
  procedure: string,
  input?: unknown,
  opts: { query?: boolean; token?: string } = {},
): Promise<T> {
  const url = new URL(`/api/trpc/${procedure}`, server.url);
  if (opts.query && input !== undefined) url.searchParams.set('input', JSON.stringify(input));
  const res = await fetch(url, {
    method: opts.query ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${opts.token ?? server.token}`, 'content-type': 'application/json' },
    body: opts.query ? undefined : JSON.stringify(input ?? {}),
  });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok || body.error) throw new Error(`${procedure}: HTTP ${res.status} ${body.error?.message}`);
  return body.result!.data;
}

/** A small fleet with history: two agents, a succeeded, a failed and a waiting task, two decisions. */
export async function seedFleet(server: BuiltServer): Promise<void> {
  const builder = await api(server, 'agents.register', {
    name: 'builder',
    capabilities: ['bash'],
    maxConcurrency: 1,
    runtime: 'shell',
    labels: { team: 'ci' },
  });
  await api(server, 'agents.register', { name: 'writer', capabilities: ['docs'], maxConcurrency: 2, runtime: 'shell' });
  const asBuilder = { token: builder.token as string };
  const take = async () => {
    const work = await api(server, 'work.poll', { waitMs: 10_000, start: true }, asBuilder);
    if (!work) throw new Error('the builder got no assignment');
    return { taskId: work.taskId as string, leaseToken: work.leaseToken as string };
  };
  await api(server, 'tasks.submit', {
    title: 'Build the image',
    payload: { tag: 'v1' },
    capabilities: ['bash'],
    priority: 'high',
  });
  await api(
    server,
    'work.complete',
    { ...(await take()), result: { exitCode: 0, output: 'built\nline two' } },
    asBuilder,
  );
  await api(server, 'tasks.submit', { title: 'Push the image', capabilities: ['bash'], priority: 'normal' });
  await api(server, 'work.fail', { ...(await take()), error: 'registry unreachable', retryable: false }, asBuilder);
  await api(server, 'tasks.submit', {
    title: 'Train on a GPU',
    capabilities: ['gpu'],
    priority: 'low',
    idempotencyKey: 'gpu-1',
  });
}

export interface FleetView {
  agents: { id: string; name: string; capabilities: unknown; maxConcurrency: number; labels: unknown }[];
  tasks: { id: string; title: string; status: string; result: unknown; error: string | null; attempt: number }[];
  decisions: { id: string; taskId: string; winnerAgentName: string; strategy: string }[];
}

/** What an operator sees of agents, tasks and decisions, without the fields that move on their own (liveness, timers). */
export async function readFleet(server: BuiltServer): Promise<FleetView> {
  const { items: agents } = await api<{ items: any[] }>(
    server,
    'agents.list',
    { includeTerminated: true, limit: 500 },
    { query: true },
  );
  const tasks = await api<{ items: any[] }>(server, 'tasks.list', { limit: 500 }, { query: true });
  const decisions = await api<any[]>(server, 'balancing.decisions', { limit: 200 }, { query: true });
  const byId = <T extends { id: string }>(a: T[]) => [...a].sort((x, y) => x.id.localeCompare(y.id));
  return {
    agents: byId(
      agents.map((a) => ({
        id: a.id,
        name: a.name,
        capabilities: a.capabilities,
        maxConcurrency: a.maxConcurrency,
        labels: a.labels,
      })),
    ),
    // A list carries summaries (no payload or result): the result comes from the task itself.
    tasks: byId(
      await Promise.all(
        tasks.items.map(async (t) => ({
          id: t.id,
          title: t.title,
          status: t.status,
          error: t.error,
          attempt: t.attempt,
          result: (await api<{ result: unknown }>(server, 'tasks.get', { id: t.id }, { query: true })).result,
        })),
      ),
    ),
    decisions: byId(
      decisions.map((d) => ({ id: d.id, taskId: d.taskId, winnerAgentName: d.winnerAgentName, strategy: d.strategy })),
    ),
  };
}
