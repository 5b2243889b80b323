import type { ReactNode } from 'react';

export type BadgeTone = 'gray' | 'slate' | 'blue' | 'sky' | 'indigo' | 'violet' | 'green' | 'amber' | 'orange' | 'red';

// Full class strings so Tailwind sees every one of them in the source.
const TONES: Record<BadgeTone, { badge: string; dot: string }> = {
  gray: { badge: 'bg-gray-100 text-gray-600 ring-gray-500/20 dark:bg-gray-800 dark:text-gray-300', dot: 'bg-gray-400' },
  slate: {
    badge: 'bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-800 dark:text-slate-200',
    dot: 'bg-slate-500',
  },
  blue: { badge: 'bg-blue-50 text-blue-700 ring-blue-600/20 dark:bg-blue-950 dark:text-blue-300', dot: 'bg-blue-500' },
  sky: { badge: 'bg-sky-50 text-sky-700 ring-sky-600/20 dark:bg-sky-950 dark:text-sky-300', dot: 'bg-sky-500' },
  indigo: {
    badge: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20 dark:bg-indigo-950 dark:text-indigo-300',
    dot: 'bg-indigo-500',
  },
  violet: {
    badge: 'bg-violet-50 text-violet-700 ring-violet-600/20 dark:bg-violet-950 dark:text-violet-300',
    dot: 'bg-violet-500',
  },
  green: {
    badge: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300',
    dot: 'bg-emerald-500',
  },
  amber: {
    badge: 'bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-950 dark:text-amber-300',
    dot: 'bg-amber-500',
  },
  orange: {
    badge: 'bg-orange-50 text-orange-700 ring-orange-600/20 dark:bg-orange-950 dark:text-orange-300',
    dot: 'bg-orange-500',
  },
  red: { badge: 'bg-red-50 text-red-700 ring-red-600/20 dark:bg-red-950 dark:text-red-300', dot: 'bg-red-500' },
};

interface BadgeProps {
  tone?: BadgeTone;
  dot?: boolean;
  pulse?: boolean;
  children: ReactNode;
  title?: string;
  testId?: string;
}

export function Badge({ tone = 'slate', dot = false, pulse = false, children, title, testId }: BadgeProps) {
  const t = TONES[tone];
  return (
    <span
      title={title}
      data-testid={testId}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${t.badge}`}
    >
      {dot && <span className={`h-1.5 w-1.5 rounded-full ${t.dot} ${pulse ? 'animate-pulse' : ''}`} aria-hidden />}
      {children}
    </span>
  );
}
