import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/root';
import { guardUnavailable, unavailableMeta } from '@/server/trpc/unavailable-meta';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc', req, router: appRouter, responseMeta: unavailableMeta,
    createContext: (opts) => guardUnavailable(() => createContext(opts)),
  });
}

export { handler as GET, handler as POST };
