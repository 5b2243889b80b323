import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Runtime } from '@/server/runtime';
import { createContextInner, resolveActor } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/root';
import { guardUnavailable, unavailableMeta } from '@/server/trpc/unavailable-meta';
import { decodePath, refuseAtEdge } from './edge-checks';
import { admitLiveStream, isSubscription, LiveStreamSlots } from './live-streams';
import { logRefusal, refusalBody, refusalFromError, type Refusal } from './refusal';
import { capBody, requestLimits } from './request-limits';
import { API_CSP, SECURITY_HEADERS } from './security-headers.mjs';

const ENDPOINT = '/api/trpc';

/**
 * The API as a fetch handler (the Next route `npm run dev` serves, and `httpCall` in tests),
 * with the same edge checks as the Node server's handler (api-handler.ts).
 */
export function createFetchHandler(runtime: () => Promise<Runtime>) {
  const slots = new LiveStreamSlots();
  return async (req: Request): Promise<Response> => {
    let res: Response;
    try {
      res = await handle(req, runtime, slots);
    } catch (err) {
      if (!(err instanceof TRPCError)) throw err;
      res = refuse(refusalFromError(err));
    }
    for (const { key, value } of SECURITY_HEADERS) res.headers.set(key, value);
    res.headers.set('Content-Security-Policy', API_CSP);
    return res;
  };
}

async function handle(req: Request, runtime: () => Promise<Runtime>, slots: LiveStreamSlots): Promise<Response> {
  const url = new URL(req.url);
  const path = url.pathname.slice(ENDPOINT.length).replace(/^\/+|\/+$/g, '');
  const rt = await runtime();
  const limits = requestLimits(rt.env);
  const refused = refuseAtEdge({ method: req.method, path, search: url.searchParams, headers: req.headers }, limits);
  if (refused) {
    logRefusal(rt.log, refused, { method: req.method, path, origin: req.headers.get('origin') });
    return refuse(refused);
  }

  let auth: ReturnType<typeof resolveActor> | null = null;
  const who = () => (auth ??= guardUnavailable(() => resolveActor(rt, req.headers)));
  let release: (() => void) | null = null;
  if (isSubscription(decodePath(path)!)) {
    const admitted = admitLiveStream(slots, await who(), rt.env.FLIGHTDECK_MAX_STREAMS_PER_SESSION);
    if (typeof admitted !== 'function') {
      logRefusal(rt.log, admitted, { method: req.method, path });
      return refuse(admitted);
    }
    release = admitted;
    req.signal.addEventListener('abort', admitted, { once: true });
  }
  const capped = req.body ? new Request(req, { body: capBody(req.body, limits), duplex: 'half' } as RequestInit) : req;
  const res = await fetchRequestHandler({
    endpoint: ENDPOINT,
    req: capped,
    router: appRouter,
    responseMeta: unavailableMeta,
    createContext: async ({ resHeaders }) => {
      const { actor, sessionToken } = await who();
      return createContextInner({ runtime: rt, actor, sessionToken, resHeaders });
    },
  });
  return release && res.body ? new Response(releasedWhenDone(res.body, release), res) : res;
}

/** The stream's slot is given back when the answer ends or the client goes away. */
function releasedWhenDone(body: ReadableStream<Uint8Array>, release: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read().catch((err) => {
        release();
        throw err;
      });
      if (done) {
        release();
        controller.close();
      } else controller.enqueue(value);
    },
    cancel(reason) {
      release();
      return reader.cancel(reason);
    },
  });
}

function refuse(r: Refusal): Response {
  return new Response(refusalBody(r), { status: r.status, headers: { 'content-type': 'application/json' } });
}
