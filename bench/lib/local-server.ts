import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuild, ROOT, serverCommand } from '../../cli/build.mjs';
import { waitForReady } from '../../cli/ready.mjs';

export interface LocalServer {
  url: string;
  token: string;
  pid: number;
  mode?: { storage: string; events: string };
  /** Recent server output, for a failure report. */
  log(): string;
  stop(): Promise<void>;
}

const LOG_TAIL = 64 * 1024;

/** A free TCP port, found by letting the kernel pick one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built server on a free port with a throw-away data directory, no demo fleet and a
 * known admin token. DATABASE_URL / REDIS_URL pass through (then this is production mode).
 */
export async function startLocalServer(out: NodeJS.WriteStream): Promise<LocalServer> {
  if (!(await ensureBuild({ out }))) throw new Error('next build failed');
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flightdeck-bench-'));
  const token = `bench-admin-${randomBytes(12).toString('hex')}`;
  const cmd = serverCommand();
  const child: ChildProcess = spawn(cmd.command, cmd.args, {
    cwd: ROOT,
    // Its own process group, so stopping it reaches anything it spawned.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      FLIGHTDECK_DATA_DIR: dataDir,
      FLIGHTDECK_DEMO: '0',
      FLIGHTDECK_ADMIN_TOKEN: token,
      LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  let tail = '';
  const keep = (c: Buffer) => (tail = (tail + c.toString()).slice(-LOG_TAIL));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => {
    exited = true;
    resolve();
  }));
  const killGroup = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  // Never leave a server behind, whatever ends the bench.
  const onExit = () => {
    killGroup('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('exit', onExit);

  let stopped = false;
  const server: LocalServer = {
    url: `http://127.0.0.1:${port}`,
    token,
    pid: child.pid!,
    log: () => tail,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (!exited) {
        killGroup('SIGTERM');
        const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000).unref());
        if ((await Promise.race([exit, timeout])) === 'timeout') killGroup('SIGKILL');
        await Promise.race([exit, new Promise((r) => setTimeout(r, 2_000).unref())]);
      }
      process.off('exit', onExit);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  const ready = await waitForReady(server.url, { timeoutMs: 120_000, stillAlive: () => !exited });
  if (!ready.ready) {
    const log = tail;
    await server.stop();
    throw new Error(`the server did not become ready (${ready.why}). Its output:\n${log}`);
  }
  server.mode = ready.mode;
  return server;
}
