import { PRIORITIES, TASK_STATES, type Priority, type TaskState } from '@/server/core/model';

/** Tasks page filters, kept in the URL so a filtered view can be shared and prefetched. */
export interface TaskFilters {
  status: TaskState[];
  priority: Priority[];
  search: string;
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
  };
}

export function taskFiltersToQuery(f: TaskFilters): string {
  const p = new URLSearchParams();
  if (f.status.length) p.set('status', f.status.join(','));
  if (f.priority.length) p.set('priority', f.priority.join(','));
  if (f.search) p.set('q', f.search);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The `tasks.list` input for these filters; server prefetch and client must build it identically. */
export function taskListInput(f: TaskFilters) {
  return {
    status: f.status.length ? f.status : undefined,
    priority: f.priority.length ? f.priority : undefined,
    search: f.search || undefined,
    limit: TASKS_PAGE_SIZE,
  };
}
