'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useDeadLetterCount } from '@/components/dead-letters/use-dead-letter-count';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/agents', label: 'Agents' },
  { href: '/pools', label: 'Pools' },
  { href: '/tasks', label: 'Tasks' },
  { href: '/dead-letters', label: 'Dead letters' },
  { href: '/balancing', label: 'Balancing' },
];

const isActive = (pathname: string, href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));

/** Main navigation; scrolls sideways on a phone rather than wrapping. */
export function NavLinks() {
  const pathname = usePathname();
  const deadLetters = useDeadLetterCount();
  return (
    <nav aria-label="Main" className="-mb-px flex min-w-0 gap-1 overflow-x-auto">
      {LINKS.map((l) => {
        const active = isActive(pathname, l.href);
        return (
          <Link key={l.href} href={l.href} aria-current={active ? 'page' : undefined}
            className={`inline-flex items-center whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium transition-colors ${active
              ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
              : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'}`}>
            {l.label}
            {l.href === '/dead-letters' && deadLetters && deadLetters.count > 0 && (
              <span data-testid="dead-letter-count" title={`${deadLetters.count}${deadLetters.more ? ' or more' : ''} tasks in the dead-letter queue`}
                className="ml-1.5 rounded-full bg-red-100 px-1.5 py-px text-xs font-semibold tabular-nums text-red-700 dark:bg-red-950 dark:text-red-300">
                {deadLetters.count}{deadLetters.more ? '+' : ''}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
