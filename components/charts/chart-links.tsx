import Link from 'next/link';

export interface ChartLink {
  href: string;
  /** Says where it leads ("Succeeded tasks 14:05:10–14:05:15 (4)"). */
  label: string;
}

/**
 * The chart's clickable marks as links for the keyboard and screen readers: hidden until one
 * takes focus, then shown under the chart. Recharts bars themselves take no focus.
 */
export function ChartLinks({ label, links }: { label: string; links: ChartLink[] }) {
  if (!links.length) return null;
  return (
    <nav
      aria-label={label}
      data-testid="chart-links"
      className="sr-only focus-within:not-sr-only focus-within:mt-2 focus-within:block"
    >
      <ul className="flex flex-wrap gap-1 text-xs">
        {links.map((l) => (
          // Long agent names or ids must wrap, never widen the page (the list is measured while hidden too).
          <li key={l.href} className="min-w-0 max-w-full">
            <Link
              href={l.href}
              prefetch={false}
              className="inline-block max-w-full break-all rounded border border-slate-300 px-1.5 py-0.5 text-indigo-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700 dark:text-indigo-400"
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
