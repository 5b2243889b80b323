'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { LiveIndicator } from '@/components/live/live-indicator';
import { ConfirmProvider } from '@/components/ui/confirm-dialog';
import { ToastProvider } from '@/components/ui/toast';
import { useLiveEvents } from '@/components/live/use-live-events';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

interface DashboardShellProps {
  user: { name: string; role: string | null };
  children: ReactNode;
}

/** Header, navigation and the dashboard's single live-event subscription. */
export function DashboardShell({ user, children }: DashboardShellProps) {
  const live = useLiveEvents();
  return (
    <ToastProvider>
    <ConfirmProvider>
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 px-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 py-3 font-semibold tracking-tight text-slate-900 dark:text-slate-50">
            <span aria-hidden className="grid h-7 w-7 place-items-center rounded-lg bg-indigo-600 text-sm font-bold text-white">F</span>
            Flightdeck
          </Link>
          <div className="order-last w-full min-w-0 sm:order-none sm:w-auto sm:flex-1">
            <NavLinks />
          </div>
          <div className="ml-auto flex items-center gap-2 py-2 sm:ml-0">
            <LiveIndicator status={live.status} error={live.error} onRetry={live.retry} />
            <span className="hidden text-sm text-slate-500 md:inline dark:text-slate-400" title={user.role ? `role: ${user.role}` : undefined}>{user.name}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full min-w-0 max-w-7xl flex-1 px-4 py-6 sm:px-6">{children}</main>
    </div>
    </ConfirmProvider>
    </ToastProvider>
  );
}
