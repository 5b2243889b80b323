import Link from 'next/link';
import type { ReactNode } from 'react';
import { StatCard } from '@/components/ui/stat-card';

interface KpiLinkProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  /** The page that explains the number. */
  href: string;
  /** What the number measures, shown on hover and read by screen readers. */
  explain: string;
  testId: string;
}

/** A headline number that opens the page explaining it. */
export function KpiLink({ label, value, hint, href, explain, testId }: KpiLinkProps) {
  return (
    <Link
      href={href}
      title={explain}
      aria-description={explain}
      data-testid={`${testId}-link`}
      className="group block min-w-0 rounded-xl focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 [&>div]:h-full [&>div]:transition-colors [&>div]:group-hover:border-indigo-300 dark:[&>div]:group-hover:border-indigo-700"
    >
      <StatCard label={label} value={value} hint={hint} testId={testId} />
    </Link>
  );
}
