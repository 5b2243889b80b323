'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useCriticalAlertToast } from '@/components/alerts/use-critical-alert-toast';
import { LiveIndicator } from '@/components/live/live-indicator';
import { ConfirmProvider } from '@/components/ui/confirm-dialog';
import { ToastProvider } from '@/components/ui/toast';
import { useLiveEvents } from '@/components/live/use-live-events';
import { NavLinks } from './nav-links';
import { NavMenuButton } from './nav-menu-button';
import { ShortcutsDialog } from './shortcuts-dialog';
import { SignOutButton } from './sign-out-button';
import { ThemeMenu } from './theme-menu';
import { useDismiss } from './use-dismiss';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

interface DashboardShellProps {
  user: { name: string; role: string | null };
  children: ReactNode;
}

/** Header, navigation, keyboard shortcuts and the dashboard's single live-event subscription (and its critical-alert toast). */
export function DashboardShell({ user, children }: DashboardShellProps) {
  return (
    <ToastProvider>
      <ConfirmProvider>
        <Shell user={user}>{children}</Shell>
      </ConfirmProvider>
    </ToastProvider>
  );
}

function Shell({ user, children }: DashboardShellProps) {
  const live = useLiveEvents(useCriticalAlertToast());
  const pathname = usePathname();
  // The menu counts as open only on the page it was opened on: any navigation closes it.
  const [menu, setMenu] = useState({ open: false, path: pathname });
  const menuOpen = menu.open && menu.path === pathname;
  const closeMenu = useCallback(() => setMenu((m) => ({ ...m, open: false })), []);
  const header = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  useDismiss(menuOpen, header, menuButton, closeMenu);
  const [help, setHelp] = useState(false);
  const showHelp = useCallback(() => setHelp(true), []);
  const hideHelp = useCallback(() => setHelp(false), []);
  useKeyboardShortcuts(showHelp);

  return (
    <div className="flex min-h-screen flex-col">
      <header
        ref={header}
        className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90"
      >
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:px-6 lg:gap-6">
          <NavMenuButton
            ref={menuButton}
            open={menuOpen}
            onToggle={() => setMenu({ open: !menuOpen, path: pathname })}
          />
          <Link
            href="/"
            className="flex shrink-0 items-center gap-2 font-semibold tracking-tight text-slate-900 dark:text-slate-50"
          >
            <span
              aria-hidden
              className="grid h-7 w-7 place-items-center rounded-lg bg-indigo-600 text-sm font-bold text-white"
            >
              F
            </span>
            {/* Between lg and xl the eight links need the room: the logo stands alone. */}
            <span className="sr-only sm:not-sr-only lg:sr-only xl:not-sr-only">Flightdeck</span>
          </Link>
          <NavLinks open={menuOpen} onNavigate={closeMenu} />
          <div className="ml-auto flex shrink-0 items-center gap-1.5 sm:gap-2">
            <LiveIndicator status={live.status} error={live.error} onRetry={live.retry} />
            <span
              className="hidden text-sm text-slate-500 xl:inline dark:text-slate-400"
              title={user.role ? `role: ${user.role}` : undefined}
            >
              {user.name}
            </span>
            <button
              type="button"
              onClick={showHelp}
              aria-label="Keyboard shortcuts"
              title="Keyboard shortcuts (?)"
              className="hidden h-8 w-8 place-items-center rounded-md text-sm font-semibold text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 lg:grid dark:text-slate-400 dark:hover:bg-slate-800"
            >
              ?
            </button>
            <ThemeMenu />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full min-w-0 max-w-7xl flex-1 px-4 py-6 sm:px-6">{children}</main>
      {help && <ShortcutsDialog onClose={hideHelp} />}
    </div>
  );
}
