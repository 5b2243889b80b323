import type { TaskState } from '@/server/core/model';

/**
 * Dead-letter page filters, kept in the URL. `search` (title or id) narrows the list on the
 * server; capability, error and project are what "retry all matching" sends to the server,
 * and the list applies them to its rows the same way, so what you see is what gets retried.
 */
export interface DeadLetterFilters {
  search: string;
  capability: string;
  errorContains: string;
  project: string;
}

export const NO_DEAD_LETTER_FILTERS: DeadLetterFilters = { search: '', capability: '', errorContains: '', project: '' };

export const DEAD_LETTERS_PAGE_SIZE = 50;

const DEAD_LETTERED: TaskState[] = ['dead-lettered'];

// URL parameter of each filter.
const PARAMS: Record<keyof DeadLetterFilters, string> = {
  search: 'q',
  capability: 'capability',
  errorContains: 'error',
  project: 'project',
};

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string, max: number): string {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim().slice(0, max);
}

export function parseDeadLetterFilters(params: Params): DeadLetterFilters {
  return {
    search: read(params, PARAMS.search, 200),
    capability: read(params, PARAMS.capability, 128),
    errorContains: read(params, PARAMS.errorContains, 200),
    project: read(params, PARAMS.project, 128),
  };
}

export function deadLetterFiltersToQuery(f: DeadLetterFilters): string {
  const p = new URLSearchParams();
  for (const k of Object.keys(PARAMS) as (keyof DeadLetterFilters)[]) if (f[k].trim()) p.set(PARAMS[k], f[k].trim());
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The `tasks.list` input of the dead-letter queue; server prefetch, page and nav badge must build it identically. */
export function deadLetterListInput(f: Pick<DeadLetterFilters, 'search'>) {
  return { status: DEAD_LETTERED, search: f.search.trim() || undefined, limit: DEAD_LETTERS_PAGE_SIZE };
}

/** The `tasks.retryDeadLetters` input: only the filters that are set (none set retries the whole queue). */
export function retryMatchingInput(f: DeadLetterFilters): {
  capability?: string;
  errorContains?: string;
  project?: string;
} {
  const out: { capability?: string; errorContains?: string; project?: string } = {};
  if (f.capability.trim()) out.capability = f.capability.trim();
  if (f.errorContains.trim()) out.errorContains = f.errorContains.trim();
  if (f.project.trim()) out.project = f.project.trim();
  return out;
}

/** Whether a dead letter matches the retry filters, as the server decides it (exact capability and project, error ignoring case). */
export function matchesRetryFilters(
  task: { capabilities: string[]; error: string | null; project: string },
  f: DeadLetterFilters,
): boolean {
  const r = retryMatchingInput(f);
  if (r.capability && !task.capabilities.includes(r.capability)) return false;
  if (r.errorContains && !(task.error ?? '').toLowerCase().includes(r.errorContains.toLowerCase())) return false;
  if (r.project && task.project !== r.project) return false;
  return true;
}

/** A cached `tasks.list` query of exactly the dead-letter queue (tRPC keys: [['tasks', 'list'], { input, type }]). */
export function isDeadLetterListKey(queryKey: readonly unknown[]): boolean {
  const [path, meta] = queryKey as [unknown, { input?: { status?: unknown } } | undefined];
  if (!Array.isArray(path) || path[0] !== 'tasks' || path[1] !== 'list') return false;
  const status = meta?.input?.status;
  return Array.isArray(status) && status.length === 1 && status[0] === 'dead-lettered';
}
