import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '@/cli/build.mjs';
import { type BuiltServer, freePort, startBuiltServer } from '@/server/testing/built-server';
import { buildAgentPackage } from './agent-package';

const run = promisify(execFile);
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let server: BuiltServer;
let scratch: string;
let packageUrl: string;
beforeAll(async () => {
  server = await startBuiltServer();
  scratch = mkdtempSync(path.join(tmpdir(), 'fd-agent-pkg-'));
  packageUrl = `${server.url}/api/agent/package.tgz`;
}, 300_000);
afterAll(async () => {
  await server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** npm as an agent host runs it: none of this test run's npm_* settings, a cache of its own. */
function npm(args: string[], cache: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const userconfig = path.join(scratch, 'empty-npmrc');
  writeFileSync(userconfig, '');
  return run(
    'npm',
    [...args, '--cache', cache, '--userconfig', userconfig, '--no-audit', '--no-fund', '--loglevel', 'warn'],
    { cwd: scratch, env: env as NodeJS.ProcessEnv, timeout: 120_000 },
  );
}

const trpc = async <T>(procedure: string, input: unknown, method: 'GET' | 'POST' = 'POST'): Promise<T> => {
  const url =
    method === 'GET'
      ? `${server.url}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`
      : `${server.url}/api/trpc/${procedure}`;
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: method === 'POST' ? JSON.stringify(input) : undefined,
  });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok || !body.result) throw new Error(`${procedure}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.result.data;
};

describe('GET /api/agent/package.tgz', () => {
  it("serves the worker as an npm package of the server's version, with no dependencies", async () => {
    const res = await fetch(packageUrl);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(res.headers.get('content-type')).toBe('application/gzip');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="flightdeck-agent-${VERSION}.tgz"`);
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('etag')).toBe(`"sha256-${sha}"`);
    expect(res.headers.get('x-flightdeck-version')).toBe(VERSION);

    const file = path.join(scratch, 'downloaded.tgz');
    writeFileSync(file, bytes);
    const { stdout: listing } = await run('tar', ['-tzf', file]);
    expect(listing.trim().split('\n')).toEqual([
      'package/README.md',
      'package/THIRD_PARTY_LICENSES.md',
      'package/bin/flightdeck-agent.mjs',
      'package/package.json',
    ]);
    const { stdout: manifestText } = await run('tar', ['-xzOf', file, 'package/package.json']);
    const manifest = JSON.parse(manifestText) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'flightdeck-agent',
      version: VERSION,
      bin: { 'flightdeck-agent': 'bin/flightdeck-agent.mjs' },
    });
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'scripts'])
      expect(manifest).not.toHaveProperty(field);
    const { stdout: licences } = await run('tar', ['-xzOf', file, 'package/THIRD_PARTY_LICENSES.md']);
    expect(licences).toMatch(/## zod \d/);
    expect(licences).toMatch(/## pino \d/);
  });

  it('is reproducible: a fresh build from the same checkout gives the bytes the server serves', async () => {
    const res = await fetch(packageUrl, { method: 'HEAD' });
    const again = await buildAgentPackage(ROOT);
    expect(res.headers.get('etag')).toBe(`"sha256-${again.sha256}"`);
    expect(res.headers.get('content-length')).toBe(String(again.bytes.length));
  });

  it('answers 304 to a client holding the current version, and 405 to other methods', async () => {
    const etag = (await fetch(packageUrl, { method: 'HEAD' })).headers.get('etag')!;
    const cached = await fetch(packageUrl, { headers: { 'if-none-match': etag } });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('x-flightdeck-version')).toBe(VERSION);
    expect((await fetch(packageUrl, { headers: { 'if-none-match': '"sha256-stale"' } })).status).toBe(200);
    const post = await fetch(packageUrl, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the installed flightdeck-agent command', () => {
  let prefix: string;
  beforeAll(async () => {
    // A registry nobody listens on: any look-up beyond the tarball itself would fail the install.
    const deadRegistry = `http://127.0.0.1:${await freePort()}/`;
    prefix = path.join(scratch, 'from-url');
    await npm(
      ['install', '-g', '--prefix', prefix, '--registry', deadRegistry, packageUrl],
      path.join(scratch, 'cache-url'),
    );
  }, 180_000);

  it('installs from the downloaded file with npm --offline and an empty cache, and prints its help', async () => {
    const file = path.join(scratch, 'offline.tgz');
    writeFileSync(file, Buffer.from(await (await fetch(packageUrl)).arrayBuffer()));
    const offline = path.join(scratch, 'from-file');
    await npm(['install', '-g', '--offline', '--prefix', offline, file], path.join(scratch, 'cache-offline'));
    const { stdout } = await run(path.join(offline, 'bin', 'flightdeck-agent'), ['--help'], { cwd: scratch });
    expect(stdout).toContain('--url URL');
    expect(stdout).toContain('--adapter NAME');
  }, 120_000);

  it('run from a directory outside the checkout, registers with the server and completes a task with the shell adapter', async () => {
    const host = path.join(scratch, 'agent-host');
    mkdirSync(host);
    // Only what an agent host has: no checkout, no NODE_PATH, no tsx loader.
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: host } as unknown as NodeJS.ProcessEnv;
    const worker: ChildProcess = spawn(
      path.join(prefix, 'bin', 'flightdeck-agent'),
      [
        '--url',
        server.url,
        '--token',
        server.token,
        '--adapter',
        'shell',
        '--capabilities',
        'from-package',
        '--name',
        'packaged-agent',
        '--log-level',
        'warn',
        '--command',
        'echo "::progress 50 halfway"; echo "ran $FLIGHTDECK_TASK_TITLE in $(pwd)"',
      ],
      { cwd: host, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    worker.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
    try {
      const {
        ids: [id],
      } = await trpc<{ ids: string[] }>('tasks.submit', { title: 'packaged task', capabilities: ['from-package'] });
      let task: { status: string; result: { output?: string } | null; agentId: string | null } | undefined;
      for (let i = 0; i < 100; i++) {
        task = await trpc('tasks.get', { id }, 'GET');
        if (task!.status === 'succeeded' || task!.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(task, stderr).toMatchObject({ status: 'succeeded', result: { output: `ran packaged task in ${host}` } });
      const { items: agents } = await trpc<{ items: { id: string; name: string; runtime: string }[] }>(
        'agents.list',
        { search: 'packaged-agent' },
        'GET',
      );
      expect(agents.find((a) => a.id === task!.agentId)).toMatchObject({ name: 'packaged-agent', runtime: 'shell' });
    } finally {
      worker.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
