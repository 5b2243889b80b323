import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache, type ReactNode } from 'react';
import { getRuntime } from '@/server/runtime';
import { createContextInner, SESSION_COOKIE } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/root';

/** The signed-in user of this request, or null. */
export const findSession = cache(async () => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const runtime = await getRuntime();
  const actor = token ? await runtime.core.auth.sessionActor(token) : null;
  return actor ? { runtime, actor, token: token! } : null;
});

/** The signed-in user of this request, or a redirect to the sign-in page. */
export const requireSession = cache(async () => {
  const session = await findSession();
  if (!session) redirect('/signin');
  return session;
});

export const getServerQueryClient = cache(
  () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }),
);

/** Server-side tRPC for prefetching in page.tsx: same router, same checks, no HTTP. */
export async function serverTrpc() {
  const { runtime, actor, token } = await requireSession();
  return createTRPCOptionsProxy({
    router: appRouter,
    ctx: createContextInner({ runtime, actor, sessionToken: token }),
    queryClient: getServerQueryClient,
  });
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getServerQueryClient())}>{children}</HydrationBoundary>;
}
