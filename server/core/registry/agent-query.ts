import { z } from 'zod';
import { AGENT_STATES, type Agent, type AgentState } from '../model';
import { countsOf, HEALTHY_STATES, type AgentCounts } from './agent-counts';
import { AGENT_SORT_COLUMNS, type AgentSort, type AgentSortColumn } from './agent-sort';

export { AGENT_SORT_COLUMNS, countsOf, HEALTHY_STATES, type AgentCounts, type AgentSort, type AgentSortColumn };

/** Where a page ended: the last row's sort key (as the database computed it), its id, and the sort it belongs to. */
export interface AgentCursor {
  sort: string;
  key: string;
  id: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const sortTag = (s: AgentSort) => `${s.by}.${s.dir}`;

export function encodeAgentCursor(c: AgentCursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.key, c.id])).toString('base64url');
}

export function decodeAgentCursor(cursor: string): AgentCursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (!Array.isArray(v) || v.length !== 3 || !v.every((x) => typeof x === 'string') || !ID.test(v[2])) return null;
    return { sort: v[0], key: v[1], id: v[2] };
  } catch {
    return null;
  }
}

export const AgentListInput = z
  .object({
    /** Part of the name, of a capability, of a label key or `key=value`; case-insensitive. */
    search: z.string().trim().max(200).optional(),
    status: z.array(z.enum(AGENT_STATES)).max(AGENT_STATES.length).optional(),
    /** Terminated agents are hidden unless asked for (or filtered for by status). */
    includeTerminated: z.boolean().default(false),
    /** Only these agents (a task list naming the agents of its rows). */
    ids: z.array(z.string().min(1).max(64)).max(500).optional(),
    sort: z
      .object({ by: z.enum(AGENT_SORT_COLUMNS), dir: z.enum(['asc', 'desc']).default('asc') })
      .default({ by: 'name', dir: 'asc' }),
    limit: z.number().int().min(1).max(500).default(50),
    cursor: z
      .string()
      .max(1_000)
      .refine(
        (c) => decodeAgentCursor(c) !== null,
        'is not a cursor from this list (pass nextCursor from the previous page)',
      )
      .nullish(),
  })
  .default({ includeTerminated: false, sort: { by: 'name', dir: 'asc' }, limit: 50 })
  .superRefine((q, ctx) => {
    if (q.cursor && decodeAgentCursor(q.cursor)?.sort !== sortTag(q.sort)) {
      ctx.addIssue({
        code: 'custom',
        path: ['cursor'],
        message: 'belongs to another sort order (start again without a cursor)',
      });
    }
  });
export type AgentListInput = z.input<typeof AgentListInput>;

/** What the store pages by: the parsed filter with a decoded cursor. */
export interface AgentPageQuery {
  search?: string;
  status?: AgentState[];
  includeTerminated: boolean;
  ids?: string[];
  sort: AgentSort;
  limit: number;
  after?: { key: string; id: string };
}

export interface AgentPage<A = Agent> {
  items: A[];
  nextCursor: string | null;
  /** Agents matching the filter, on every page. */
  total: number;
  /** The whole fleet, whatever the filter. */
  counts: AgentCounts;
}

export function toPageQuery(raw: AgentListInput | undefined): AgentPageQuery {
  const q = AgentListInput.parse(raw);
  const c = q.cursor ? decodeAgentCursor(q.cursor) : null;
  return {
    search: q.search || undefined,
    status: q.status?.length ? q.status : undefined,
    includeTerminated: q.includeTerminated,
    ids: q.ids,
    sort: q.sort,
    limit: q.limit,
    after: c ? { key: c.key, id: c.id } : undefined,
  };
}

export function nextCursorOf(sort: AgentSort, last: { key: string; id: string } | null): string | null {
  return last ? encodeAgentCursor({ sort: sortTag(sort), key: last.key, id: last.id }) : null;
}

/** How many agents a status-only filter matches, read off the fleet counts (the store's filter, in the same words). */
export function matchingCount(counts: AgentCounts, q: Pick<AgentPageQuery, 'status' | 'includeTerminated'>): number {
  const states = q.status ?? AGENT_STATES.filter((s) => s !== 'terminated' || q.includeTerminated);
  return states.reduce((n, s) => n + counts.byStatus[s], 0);
}
