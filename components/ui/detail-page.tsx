import Link from 'next/link';
import type { ComponentProps, ReactNode } from 'react';
import { EmptyState } from './empty-state';
import { ErrorState } from './error-state';
import { TableSkeleton } from './table-skeleton';

/** "← Channels" above a detail page. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800 dark:hover:text-slate-200"
    >
      ← {children}
    </Link>
  );
}

/** A detail page's heading: the name, then its badges. */
export function DetailTitle({ children }: { children: ReactNode }) {
  return (
    <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold tracking-tight text-slate-900 dark:text-slate-50">
      {children}
    </h1>
  );
}

interface FoundInListProps<T> {
  list: { error: ComponentProps<typeof ErrorState>['error'] | null; data: unknown; refetch: () => unknown };
  /** The row of `list.data` the page is about. */
  item: T | undefined;
  /** "channel": "No such channel" when it is not (or no longer) in the list. */
  what: string;
  children: (item: T) => ReactNode;
}

/** A detail page read from its list query: its error, skeleton, "no such …", or the page. */
export function FoundInList<T>({ list, item, what, children }: FoundInListProps<T>) {
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <TableSkeleton rows={4} />;
  if (!item) return <EmptyState title={`No such ${what}`}>It may have been deleted.</EmptyState>;
  return children(item);
}
