import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import type { Runtime } from '@/server/runtime';
import { createContextInner, resolveActor } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/root';
import { guardUnavailable, unavailableMeta } from '@/server/trpc/unavailable-meta';
import { decodePath, refuseAtEdge } from './edge-checks';
import { admitLiveStream, isSubscription, LiveStreamSlots } from './live-streams';
import { logRefusal, refusalBody, refusalFromError, type Refusal } from './refusal';
import { requestLimits } from './request-limits';
import { API_CSP, SECURITY_HEADERS } from './security-headers.mjs';

const PREFIX = '/api/trpc/';

/**
 * Serves `/api/trpc/*` straight from Node's HTTP server: the same router and context as the
 * Next route handler, without Next's per-request routing (measured several times faster on
 * the agent protocol's hot path). Returns false for other paths.
 */
export function createApiHandler(runtime: () => Promise<Runtime>) {
  const slots = new LiveStreamSlots();
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? '/';
    if (!url.startsWith(PREFIX)) return false;
    for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
    res.setHeader('Content-Security-Policy', API_CSP);
    handle(req, res, url.slice(PREFIX.length), runtime, slots).catch((err) => {
      if (err instanceof TRPCError) return refuse(res, refusalFromError(err));
      // Never leave a socket unanswered: an unexpected failure still ends the request.
      if (!res.headersSent) refuse(res, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'internal error' });
      else res.destroy();
      void runtime().then(
        (rt) => rt.log.error({ err }, 'API request failed outside tRPC'),
        () => {},
      );
    });
    return true;
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  runtime: () => Promise<Runtime>,
  slots: LiveStreamSlots,
) {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const search = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
  const headers = toHeaders(req);
  const rt = await runtime();
  const limits = requestLimits(rt.env);
  const method = req.method ?? 'GET';
  const refused = refuseAtEdge({ method, path, search, headers }, limits);
  if (refused) {
    logRefusal(rt.log, refused, { method, path, origin: headers.get('origin') });
    return refuse(res, refused);
  }

  let auth: ReturnType<typeof resolveActor> | null = null;
  const who = () => (auth ??= guardUnavailable(() => resolveActor(rt, headers)));
  if (isSubscription(decodePath(path)!)) {
    const admitted = admitLiveStream(slots, await who(), rt.env.FLIGHTDECK_MAX_STREAMS_PER_SESSION);
    if (typeof admitted !== 'function') {
      logRefusal(rt.log, admitted, { method, path });
      return refuse(res, admitted);
    }
    res.once('close', admitted);
  }
  await nodeHTTPRequestHandler({
    req,
    res,
    path,
    router: appRouter,
    responseMeta: unavailableMeta,
    maxBodySize: limits.maxBodyBytes,
    createContext: async () => {
      const { actor, sessionToken } = await who();
      return createContextInner({
        runtime: rt,
        actor,
        sessionToken,
        resHeaders: { append: (k: string, v: string) => void res.appendHeader(k, v) },
      });
    },
  });
  // A body cut off at the limit is still arriving: do not read the rest as a next request.
  if (res.statusCode === 413) req.socket.end();
}

/** Answers at once; the connection closes, so an unread body cannot be taken for a next request. */
function refuse(res: ServerResponse, r: Refusal): void {
  if (res.headersSent) return void res.end();
  res.writeHead(r.status, { 'content-type': 'application/json', connection: 'close' });
  res.end(refusalBody(r));
}

function toHeaders(req: IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string') h.set(k, v);
    else if (Array.isArray(v)) for (const item of v) h.append(k, item);
  }
  return h;
}
