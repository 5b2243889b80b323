import http from 'node:http';
import next from 'next';
import { readEnv } from '@/server/env';
import { getRuntime } from '@/server/runtime';
import { createAgentPackageHandler } from './agent-package-handler';
import { createApiHandler } from './api-handler';
import { refuseEarly } from './early-refusals';
import { requestLimits } from './request-limits';

/**
 * The production server: Next serves the dashboard and the other routes; the tRPC API is
 * answered directly by Node (see api-handler.ts). Started by `flightdeck start`.
 */
async function main() {
  const env = readEnv();
  const app = next({ dev: false, dir: process.cwd(), port: env.PORT, hostname: env.HOSTNAME });
  const handleNext = app.getRequestHandler();
  // Open the database and start the core before taking traffic.
  const [runtime] = await Promise.all([getRuntime(), app.prepare()]);
  const handleApi = createApiHandler(getRuntime);
  const handleAgentPackage = createAgentPackageHandler(getRuntime);
  // Live subscriptions never finish on their own: shutdown ends them so the browser reconnects elsewhere.
  const streams = new Set<http.ServerResponse>();
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url?.includes('events.live')) {
      streams.add(res);
      res.on('close', () => streams.delete(res));
    }
    if (refuseEarly(req, res, requestLimits(runtime.env), runtime.log)) return;
    if (handleApi(req, res)) return;
    if (handleAgentPackage(req, res)) return;
    void handleNext(req, res);
  };
  const server = http.createServer(onRequest);
  // `Expect: 100-continue` (curl, for large bodies): refuse an oversized body before it is sent.
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (refuseEarly(req, res, requestLimits(runtime.env), runtime.log)) return;
    res.writeContinue();
    onRequest(req, res);
  });
  server.keepAliveTimeout = 65_000;
  // On SIGTERM (the runtime's handler): stop accepting connections, let requests in flight
  // finish (bounded), then the core stops and the database closes.
  runtime.onDrain(() => {
    for (const stream of streams) stream.end();
    return drainHttp(server, DRAIN_MS);
  });
  server.listen(env.PORT, env.HOSTNAME, () => {
    const where = `http://${env.HOSTNAME ?? 'localhost'}:${env.PORT}`;
    runtime.log.info({ url: where, storage: runtime.database.describe, events: runtime.mode.events }, 'flightdeck listening');
  });
}

const DRAIN_MS = 8_000;

function drainHttp(server: http.Server, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, ms);
    timer.unref();
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
