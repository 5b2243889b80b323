'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useFiringAlertCount } from '@/components/alerts/use-firing-alert-count';
import { useDeadLetterCount } from '@/components/dead-letters/use-dead-letter-count';
import { isCurrentPage, MAIN_PAGES } from './pages';

export const NAV_ID = 'main-nav';

interface NavLinksProps {
  /** Below the lg breakpoint the links are a menu under the header, shown only while open. */
  open: boolean;
  onNavigate: () => void;
}

/** Main navigation: a row in the header on wide screens, the menu's list on narrow ones; the current page marked either way. */
export function NavLinks({ open, onNavigate }: NavLinksProps) {
  const pathname = usePathname();
  const deadLetters = useDeadLetterCount();
  const firing = useFiringAlertCount();
  return (
    <nav
      id={NAV_ID}
      aria-label="Main"
      className={`${open ? 'flex' : 'hidden'} absolute inset-x-0 top-full max-h-[calc(100dvh-3.5rem)] flex-col overflow-y-auto border-b border-slate-200 bg-white py-1 shadow-lg dark:border-slate-800 dark:bg-slate-950
        lg:static lg:-mb-px lg:flex lg:max-h-none lg:min-w-0 lg:flex-1 lg:flex-row lg:gap-0.5 lg:self-stretch xl:gap-1 lg:overflow-visible lg:border-0 lg:bg-transparent lg:py-0 lg:shadow-none lg:dark:bg-transparent`}
    >
      {MAIN_PAGES.map((l) => {
        const active = isCurrentPage(pathname, l.href);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
            className={`flex items-center whitespace-nowrap border-l-4 px-4 py-3 text-base font-medium transition-colors lg:border-b-2 lg:border-l-0 lg:px-2 lg:py-0 lg:text-sm xl:px-3 ${
              active
                ? 'border-indigo-600 bg-indigo-50 text-indigo-700 lg:bg-transparent dark:border-indigo-400 dark:bg-indigo-950/60 dark:text-indigo-300 lg:dark:bg-transparent'
                : 'border-transparent text-slate-600 hover:bg-slate-50 hover:text-slate-900 lg:hover:border-slate-300 lg:hover:bg-transparent dark:text-slate-400 dark:hover:bg-slate-900 dark:hover:text-slate-100 lg:dark:hover:bg-transparent'
            }`}
          >
            {l.label}
            {l.href === '/alerts' && firing != null && firing > 0 && (
              <span
                data-testid="firing-alert-count"
                title={`${firing} firing alert${firing === 1 ? '' : 's'} nobody has acknowledged (silenced ones not counted)`}
                className="ml-1.5 rounded-full bg-red-600 px-1.5 py-px text-xs font-semibold tabular-nums text-white dark:bg-red-500"
              >
                {firing}
              </span>
            )}
            {l.href === '/dead-letters' && deadLetters && deadLetters.count > 0 && (
              <span
                data-testid="dead-letter-count"
                title={`${deadLetters.count}${deadLetters.more ? ' or more' : ''} tasks in the dead-letter queue`}
                className="ml-1.5 rounded-full bg-red-100 px-1.5 py-px text-xs font-semibold tabular-nums text-red-700 dark:bg-red-950 dark:text-red-300"
              >
                {deadLetters.count}
                {deadLetters.more ? '+' : ''}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
