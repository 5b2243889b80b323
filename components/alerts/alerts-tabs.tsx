'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { href: '/alerts', label: 'Alerts' },
  { href: '/alerts/silences', label: 'Silences' },
  { href: '/alerts/rules', label: 'Rules' },
  { href: '/alerts/channels', label: 'Channels' },
] as const;

/** The Alerts section: its alerts, silences, rules and notification channels. */
export function AlertsTabs() {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Alerts section"
      className="-mt-2 mb-5 flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800"
    >
      {TABS.map((t) => {
        const active = t.href === '/alerts' ? pathname === '/alerts' : pathname.startsWith(t.href);
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? 'page' : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
              active
                ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
            }`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
