import http from 'node:http';
import next from 'next';
import { readEnv } from '@/server/env';
import { getRuntime } from '@/server/runtime';
import { createAgentPackageHandler } from './agent-package-handler';
import { createApiHandler } from './api-handler';
import { listen } from './listen';
import { refuseEarly } from './early-refusals';
import { requestLimits } from './request-limits';

/**
 * The production server: Next serves the dashboard and the other routes; the tRPC API is
 * answered directly by Node (see api-handler.ts). Started by `flightdeck start`.
 */
async function main() {
  const env = readEnv();
  // Live subscriptions never finish on their own: shutdown ends them so the browser reconnects elsewhere.
  const streams = new Set<http.ServerResponse>();
  let handle: http.RequestListener | null = null;
  let handleContinue: http.RequestListener | null = null;
  const waiting: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    if (req.url?.includes('events.live')) {
      streams.add(res);
      res.on('close', () => streams.delete(res));
    }
    if (handle) handle(req, res);
    else waiting.push(() => handle!(req, res));
  });
  // `Expect: 100-continue` (curl, for large bodies): refuse an oversized body before it is sent.
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (handleContinue) handleContinue(req, res);
    else waiting.push(() => handleContinue!(req, res));
  });
  server.keepAliveTimeout = 65_000;
  // The port first: when it is taken, fail before the database opens (in embedded mode the
  // other process may be a server on the same data directory). Requests wait for start-up.
  await listen(server, env.PORT, env.HOSTNAME);
  const app = next({ dev: false, dir: process.cwd(), port: env.PORT, hostname: env.HOSTNAME });
  const handleNext = app.getRequestHandler();
  // Open the database and start the core before taking traffic.
  const [runtime] = await Promise.all([getRuntime(), app.prepare()]);
  const handleApi = createApiHandler(getRuntime);
  const handleAgentPackage = createAgentPackageHandler(getRuntime);
  server.on('error', (err) => runtime.log.error({ err }, 'HTTP server error'));
  // At shutdown (server/shutdown): stop accepting connections, let requests in flight finish
  // (bounded by the shutdown budget, or cut at once when hurried), then the database closes.
  runtime.onDrain((hurry) => {
    for (const stream of streams) stream.end();
    return drainHttp(server, runtime.shutdownBudget.httpMs, hurry);
  });
  handle = (req, res) => {
    if (refuseEarly(req, res, requestLimits(runtime.env), runtime.log)) return;
    if (handleApi(req, res)) return;
    if (handleAgentPackage(req, res)) return;
    void handleNext(req, res);
  };
  handleContinue = (req, res) => {
    if (refuseEarly(req, res, requestLimits(runtime.env), runtime.log)) return;
    res.writeContinue();
    handle!(req, res);
  };
  for (const serve of waiting.splice(0)) serve();
  const where = `http://${env.HOSTNAME ?? 'localhost'}:${env.PORT}`;
  runtime.log.info(
    { url: where, storage: runtime.database.describe, events: runtime.mode.events },
    'flightdeck listening',
  );
}

function drainHttp(server: http.Server, ms: number, hurry: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const cut = () => {
      server.closeAllConnections();
      resolve();
    };
    const timer = setTimeout(cut, ms);
    timer.unref();
    if (hurry.aborted) cut();
    else hurry.addEventListener('abort', cut, { once: true });
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

main().catch((err) => {
  process.stderr.write(`flightdeck failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
