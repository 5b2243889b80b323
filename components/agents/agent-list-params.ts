import { AGENT_STATES, type AgentState } from '@/server/core/model';
import { AGENT_SORT_COLUMNS, type AgentSort, type AgentSortColumn } from '@/server/core/registry/agent-sort';

/** Agents page filters, kept in the URL (`?q=`, `?status=`, `?terminated=1`, `?sort=name.asc`) so a view can be shared and prefetched. */
export interface AgentListParams {
  search: string;
  status: AgentState[];
  terminated: boolean;
  sort: AgentSort;
}

export const AGENTS_PAGE_SIZE = 50;
const DEFAULT_SORT: AgentSort = { by: 'name', dir: 'asc' };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

function parseSort(raw: string): AgentSort {
  const [by, dir] = raw.split('.');
  if (!(AGENT_SORT_COLUMNS as readonly string[]).includes(by ?? '')) return DEFAULT_SORT;
  return { by: by as AgentSortColumn, dir: dir === 'desc' ? 'desc' : 'asc' };
}

export function parseAgentListParams(params: Params): AgentListParams {
  return {
    search: read(params, 'q').trim().slice(0, 200),
    status: read(params, 'status')
      .split(',')
      .filter((v): v is AgentState => (AGENT_STATES as readonly string[]).includes(v)),
    terminated: read(params, 'terminated') === '1',
    sort: parseSort(read(params, 'sort')),
  };
}

export function agentListParamsToQuery(f: AgentListParams): string {
  const p = new URLSearchParams();
  if (f.search) p.set('q', f.search);
  if (f.status.length) p.set('status', f.status.join(','));
  if (f.terminated) p.set('terminated', '1');
  if (f.sort.by !== DEFAULT_SORT.by || f.sort.dir !== DEFAULT_SORT.dir) p.set('sort', `${f.sort.by}.${f.sort.dir}`);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The `agents.list` input; server prefetch and client must build it identically (same query key). */
export function agentListInput(f: AgentListParams) {
  return {
    search: f.search || undefined,
    status: f.status.length ? f.status : undefined,
    includeTerminated: f.terminated,
    sort: f.sort,
    limit: AGENTS_PAGE_SIZE,
  };
}
