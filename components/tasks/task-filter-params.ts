import { PRIORITIES, TASK_STATES, type Priority, type TaskState } from '@/server/core/model';

/** Tasks page filters, kept in the URL so a filtered view can be shared and prefetched. */
export interface TaskFilters {
  status: TaskState[];
  priority: Priority[];
  search: string;
  /** Finished in [since, until) (epoch ms), as a click on a throughput bar asks; null when unset. */
  since: number | null;
  until: number | null;
}

export const TASKS_PAGE_SIZE = 25;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

const pick = <T extends string>(raw: string, allowed: readonly T[]): T[] =>
  raw.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));

export function parseTaskFilters(params: Params): TaskFilters {
  return {
    status: pick(read(params, 'status'), TASK_STATES),
    priority: pick(read(params, 'priority'), PRIORITIES),
    search: read(params, 'q').trim().slice(0, 200),
    ...readWindow(read(params, 'since'), read(params, 'until')),
  };
}

/** Epoch ms or ISO time; a window the server would refuse (until ≤ since) is dropped as a whole. */
function readWindow(rawSince: string, rawUntil: string): { since: number | null; until: number | null } {
  const instant = (raw: string) => {
    const v = /^\d{1,16}$/.test(raw) ? Number(raw) : raw ? Date.parse(raw) : NaN;
    return Number.isFinite(v) && v >= 0 ? v : null;
  };
  const since = instant(rawSince);
  const until = instant(rawUntil);
  return since !== null && until !== null && until <= since ? { since: null, until: null } : { since, until };
}

export function taskFiltersToQuery(f: TaskFilters): string {
  const p = new URLSearchParams();
  if (f.status.length) p.set('status', f.status.join(','));
  if (f.priority.length) p.set('priority', f.priority.join(','));
  if (f.search) p.set('q', f.search);
  if (f.since !== null) p.set('since', String(f.since));
  if (f.until !== null) p.set('until', String(f.until));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The `tasks.list` input for these filters; server prefetch and client must build it identically. */
export function taskListInput(f: TaskFilters) {
  return {
    status: f.status.length ? f.status : undefined,
    priority: f.priority.length ? f.priority : undefined,
    search: f.search || undefined,
    since: f.since ?? undefined,
    until: f.until ?? undefined,
    limit: TASKS_PAGE_SIZE,
  };
}
