import Link from 'next/link';
import type { AlertDetail } from './types';

const LINK = 'font-medium text-indigo-600 hover:underline dark:text-indigo-400';

/** What the alert is about, each a link to its page: agents, pools, the capability's queued tasks. */
export function AlertAffects({ affects: f }: { affects: AlertDetail['affects'] }) {
  const rows: { label: string; items: React.ReactNode[] }[] = [
    {
      label: 'Agents',
      items: f.agents.map((g) => (
        <span key={g.id}>
          <Link href={`/agents/${g.id}`} className={LINK}>
            {g.name}
          </Link>{' '}
          <span className="text-xs text-slate-500">{g.status}</span>
        </span>
      )),
    },
    {
      label: 'Pools',
      items: f.pools.map((p) => (
        <Link key={p.id} href={`/pools/${p.id}`} className={LINK}>
          {p.name}
        </Link>
      )),
    },
    {
      label: 'Capability',
      items: f.capability
        ? [
            <Link key="c" href={`/tasks?capability=${encodeURIComponent(f.capability)}`} className={LINK}>
              {f.capability}
            </Link>,
          ]
        : [],
    },
    {
      label: 'Queued tasks',
      items: f.tasks.map((id) => (
        <Link key={id} href={`/tasks/${id}`} className={`${LINK} font-mono text-xs`}>
          {id}
        </Link>
      )),
    },
  ].filter((r) => r.items.length);
  if (!rows.length)
    return (
      <p className="text-sm text-slate-500 dark:text-slate-400">
        Nothing in particular: it is about the fleet as a whole.
      </p>
    );
  return (
    <dl className="space-y-2 text-sm" data-testid="alert-affects">
      {rows.map((r) => (
        <div key={r.label} className="flex flex-wrap gap-x-2">
          <dt className="w-28 shrink-0 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
            {r.label}
          </dt>
          <dd className="flex min-w-0 flex-wrap gap-x-3 gap-y-1">{r.items}</dd>
        </div>
      ))}
    </dl>
  );
}
