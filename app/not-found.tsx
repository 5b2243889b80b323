import type { Metadata } from 'next';
import { DashboardShell } from '@/components/shell/dashboard-shell';
import { NotFoundPanel } from '@/components/shell/not-found-panel';
import { findSession } from '@/components/trpc/server';

export const metadata: Metadata = { title: 'Page not found' };

/** Any address no route matches: inside the dashboard for a signed-in operator, on its own otherwise. */
export default async function NotFound() {
  const session = await findSession();
  if (!session) {
    return (
      <main className="flex min-h-screen flex-col items-center justify-center p-4">
        <p className="flex items-center gap-2 font-semibold tracking-tight text-slate-900 dark:text-slate-50">
          <span
            aria-hidden
            className="grid h-7 w-7 place-items-center rounded-lg bg-indigo-600 text-sm font-bold text-white"
          >
            F
          </span>
          Flightdeck
        </p>
        <NotFoundPanel signedIn={false} />
      </main>
    );
  }
  const { actor } = session;
  return (
    <DashboardShell user={{ name: actor.name, role: actor.role }}>
      <NotFoundPanel signedIn />
    </DashboardShell>
  );
}
