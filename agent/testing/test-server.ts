import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApiHandler } from '@/server/http/api-handler';
import { ADMIN_TOKEN, startTestRuntime } from '@/server/testing/test-runtime';
import { ApiClient } from '../client';
import type { WorkerOptions } from '../options';

export { ADMIN_TOKEN };

/**
 * A real Flightdeck runtime served over HTTP on a random port, as `flightdeck start` serves
 * it (pools' agents reach it there). `unavailable` makes it answer 503 + Retry-After, as during
 * a database outage. `env` overrides the runtime's environment.
 */
export async function startTestServer(env: Record<string, string> = {}) {
  // The runtime learns the server's URL first (FLIGHTDECK_PUBLIC_URL), so it starts once the port is known.
  const started: { rt?: Awaited<ReturnType<typeof startTestRuntime>> } = {};
  const api = createApiHandler(async () => started.rt!);
  const state = { unavailable: false, requests: 0 };
  const server = http.createServer((req, res) => {
    state.requests++;
    if (state.unavailable || !started.rt) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
      res.end(
        JSON.stringify({
          error: { message: 'database unavailable', data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 } },
        }),
      );
      return;
    }
    if (!api(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const runtime = await startTestRuntime({ FLIGHTDECK_PUBLIC_URL: url, ...env });
  started.rt = runtime;
  return {
    rt: runtime,
    url,
    state,
    admin: new ApiClient({ url, token: ADMIN_TOKEN }),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await runtime.dispose();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export function testWorkerOptions(
  url: string,
  overrides: Partial<WorkerOptions> & Pick<WorkerOptions, 'name' | 'adapter'>,
): WorkerOptions {
  return {
    url,
    token: ADMIN_TOKEN,
    capabilities: [],
    concurrency: 1,
    workdir: process.cwd(),
    labels: {},
    cliArgs: [],
    stallAfterMs: 60_000,
    drainTimeoutMs: 5_000,
    logLevel: 'silent',
    pollWaitMs: 5_000,
    ...overrides,
  };
}

export const quietLogger = pino({ level: process.env.AGENT_TEST_LOG ?? 'silent' });

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
