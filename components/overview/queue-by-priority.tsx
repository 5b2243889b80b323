import Link from 'next/link';
import { PRIORITIES, type Priority } from '@/server/core/model';
import { PRIORITY_COLORS } from '@/components/charts/chart-colors';
import { Card } from '@/components/ui/card';

interface QueueByPriorityProps {
  queue: Record<Priority, number>;
  total: number;
}

/** Queue depth per priority as proportional bars, each opening the queued tasks of that priority. */
export function QueueByPriority({ queue, total }: QueueByPriorityProps) {
  const max = Math.max(1, ...PRIORITIES.map((p) => queue[p]));
  return (
    <Card
      title={
        <Link href="/tasks?status=queued" className="hover:underline">
          Queue
        </Link>
      }
      description={`${total} waiting for an agent`}
      className="h-full"
    >
      <ul className="space-y-1" data-testid="kpi-queue">
        {PRIORITIES.map((p) => (
          <li key={p}>
            <Link
              href={`/tasks?status=queued&priority=${p}`}
              title={`Open the queued ${p} tasks`}
              className="-mx-2 grid grid-cols-[5.5rem_1fr_2.5rem] items-center gap-2 rounded-lg px-2 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800/60"
            >
              <span className="text-slate-600 capitalize dark:text-slate-300">{p}</span>
              <span className="h-2 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800">
                <span
                  className="block h-full rounded-full"
                  style={{ width: `${(queue[p] / max) * 100}%`, background: PRIORITY_COLORS[p] }}
                />
              </span>
              <span className="text-right font-semibold tabular-nums">{queue[p]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
