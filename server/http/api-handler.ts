import type { IncomingMessage, ServerResponse } from 'node:http';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import type { Runtime } from '@/server/runtime';
import { createContextInner, resolvePrincipal } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/root';
import { guardUnavailable, unavailableMeta } from '@/server/trpc/unavailable-meta';

const PREFIX = '/api/trpc/';

/**
 * Serves `/api/trpc/*` straight from Node's HTTP server: the same router and context as the
 * Next route handler, without Next's per-request routing (measured several times faster on
 * the agent protocol's hot path). Returns false for other paths.
 */
export function createApiHandler(runtime: () => Promise<Runtime>) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? '/';
    if (!url.startsWith(PREFIX)) return false;
    const path = decodeURIComponent(url.slice(PREFIX.length).split('?')[0]);
    void nodeHTTPRequestHandler({
      req, res, path, router: appRouter, responseMeta: unavailableMeta,
      createContext: () => guardUnavailable(async () => {
        const rt = await runtime();
        const { principal, sessionToken } = await resolvePrincipal(rt, toHeaders(req));
        return createContextInner({ runtime: rt, principal, sessionToken, resHeaders: { append: (k: string, v: string) => void res.appendHeader(k, v) } });
      }),
    });
    return true;
  };
}

function toHeaders(req: IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string') h.set(k, v);
    else if (Array.isArray(v)) for (const item of v) h.append(k, item);
  }
  return h;
}
