'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { MAIN_PAGES } from './pages';

/** What a 404 shows: the address that led nowhere and the ways back. */
export function NotFoundPanel({ signedIn }: { signedIn: boolean }) {
  const pathname = usePathname();
  return (
    <div className="mx-auto flex w-full max-w-lg flex-col items-center px-2 py-16 text-center">
      <p className="text-sm font-semibold tabular-nums text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900 dark:text-slate-50">Page not found</h1>
      <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
        Nothing lives at{' '}
        <code className="break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">
          {pathname}
        </code>
        . The link may be mistyped, or what it pointed to was removed.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link
          href="/"
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
        >
          Back to the overview
        </Link>
        {!signedIn && (
          <Link
            href="/signin"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            Sign in
          </Link>
        )}
      </div>
      {signedIn && (
        <div className="mt-8 text-sm">
          <p className="text-slate-500 dark:text-slate-400">Or go to</p>
          <ul className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1">
            {MAIN_PAGES.filter((p) => p.href !== '/').map((p) => (
              <li key={p.href}>
                <Link href={p.href} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                  {p.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
