import { waitForReady } from '../../cli/ready.mjs';
import { startBuiltServer } from '../../server/testing/built-server';

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

/**
 * Starts the built server on a free port with a throw-away data directory, no demo fleet and a
 * known admin token. DATABASE_URL / REDIS_URL pass through as they are (then this is production
 * mode on that database).
 */
export async function startLocalServer(): Promise<LocalServer> {
  const server = await startBuiltServer({
    databaseUrl: process.env.DATABASE_URL,
    env: { LOG_LEVEL: 'warn' },
    waitReady: false,
  });
  const ready = await waitForReady(server.url, { timeoutMs: 120_000, stillAlive: () => server.isRunning() });
  if (!ready.ready) {
    const log = server.output().slice(-LOG_TAIL);
    await server.stop(2_000);
    throw new Error(`the server did not become ready (${ready.why}). Its output:\n${log}`);
  }
  return {
    url: server.url,
    token: server.token,
    pid: server.pid,
    mode: ready.mode,
    log: () => server.output().slice(-LOG_TAIL),
    stop: async () => void (await server.stop()),
  };
}
