import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildStatus, ensureBuild, ROOT, serverCommand } from '../../cli/build.mjs';
import { waitForReady } from '../../cli/ready.mjs';
import { freePort } from '../http/listen';
import { createTestDatabase } from './test-runtime';

export { freePort };

const LOCK = path.join(ROOT, '.next-build.lock');

/**
 * Makes sure `.next` holds a current build. `npm test` builds before vitest, so this is a no-op
 * there; run alone, the first test file builds (under a lock, so parallel files build once).
 */
export async function ensureBuilt(): Promise<void> {
  if (buildStatus().fresh) return;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      await sleep(500);
      if (buildStatus().fresh) return;
    }
  }
  try {
    if (!(await ensureBuild({ out: process.stderr }))) throw new Error('next build failed (its output is above)');
  } finally {
    rmdirSync(LOCK);
  }
}

export interface BuiltServer {
  url: string;
  port: number;
  pid: number;
  /** The admin API token it was started with. */
  token: string;
  dataDir: string;
  /** Everything it printed so far (stdout and stderr, interleaved). */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  signal(sig: NodeJS.Signals): void;
  /** SIGTERM, SIGKILL after `graceMs`; removes the data directory unless kept. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface BuiltServerOptions {
  /** Extra environment (wins over the defaults below). */
  env?: Record<string, string>;
  /** A data directory to use (kept afterwards); default: a fresh temporary one, removed on stop. */
  dataDir?: string;
  /** With DATABASE_URL set: a fresh database per server (default), or the given URL as is. */
  databaseUrl?: string;
  /** Wait for /api/ready (default true). */
  waitReady?: boolean;
  /** Its own process group (default true), so a stop reaches what it spawned. */
  detached?: boolean;
  /** Through `flightdeck start` (the launcher `npm start` runs, which spawns serve.ts), not serve.ts directly. */
  launcher?: boolean;
  /** Through `flightdeck start --replicas N`: N servers behind its proxy (needs DATABASE_URL); ready when one is. */
  replicas?: number;
}

/**
 * Starts the production server exactly as `npm start` runs it (built app, `server/http/serve.ts`)
 * on a free port, with no demo fleet and a known admin token, in the mode the test run is in:
 * embedded, or a fresh PostgreSQL database and Redis when DATABASE_URL / REDIS_URL are set.
 */
export async function startBuiltServer(opts: BuiltServerOptions = {}): Promise<BuiltServer> {
  await ensureBuilt();
  const port = await freePort();
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'flightdeck-srv-'));
  const token = `test-admin-${randomBytes(12).toString('hex')}`;
  const db =
    !opts.databaseUrl && process.env.DATABASE_URL
      ? await createTestDatabase(process.env.DATABASE_URL, `fd_srv_${randomBytes(4).toString('hex')}`)
      : null;
  const cmd = serverCommand();
  const env = {
    ...process.env,
    ...cmd.env,
    PORT: String(port),
    FLIGHTDECK_DATA_DIR: dataDir,
    FLIGHTDECK_DEMO: '0',
    FLIGHTDECK_ADMIN_TOKEN: token,
    FLIGHTDECK_ADMIN_PASSWORD: 'test-password',
    LOG_LEVEL: 'info',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: opts.databaseUrl ?? db?.url ?? process.env.DATABASE_URL,
    ...opts.env,
  };
  const detached = opts.detached ?? true;
  const replicas = opts.replicas ? ['--replicas', String(opts.replicas)] : [];
  const [command, args] =
    opts.launcher || opts.replicas
      ? [process.execPath, [path.join(ROOT, 'cli', 'bin.mjs'), 'start', '--port', env.PORT, ...replicas]]
      : [cmd.command, cmd.args];
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    detached,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: env as NodeJS.ProcessEnv,
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });
  const send = (sig: NodeJS.Signals) => {
    try {
      if (detached) process.kill(-child.pid!, sig);
      else child.kill(sig);
    } catch {
      /* already gone */
    }
  };
  const cleanUp = () => {
    if (running) send('SIGKILL');
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);

  let stopped: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null = null;
  const server: BuiltServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    token: env.FLIGHTDECK_ADMIN_TOKEN ?? token,
    dataDir,
    output: () => out,
    exited,
    isRunning: () => running,
    signal: send,
    stop(graceMs = 15_000) {
      stopped ??= (async () => {
        if (running) {
          send('SIGTERM');
          const late = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
          if (late) send('SIGKILL');
        }
        const result = await exited;
        process.off('exit', cleanUp);
        if (ownDir) rmSync(dataDir, { recursive: true, force: true });
        await db?.drop().catch(() => {});
        return result;
      })();
      return stopped;
    },
  };
  if (opts.waitReady ?? true) {
    const ready = await waitForReady(server.url, { timeoutMs: 120_000, stillAlive: () => running });
    if (!ready.ready) {
      await server.stop(2_000);
      throw new Error(`the server did not become ready (${ready.why}). Its output:\n${out}`);
    }
  }
  return server;
}
