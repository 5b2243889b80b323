import { ApiError, type Api } from '../../bench/lib/api';
import type { Sql } from './database';

export type BreakerState = 'closed' | 'half-open' | 'open';

export interface BreakerView {
  state: BreakerState;
  /** Transitions, oldest first, with the server's time in ms. */
  history: { from: BreakerState; to: BreakerState; at: number; reason: string }[];
  source: 'api' | 'sql';
}

/**
 * An agent's circuit breaker: `agents.breaker({ id })` when the server has it, else the
 * persisted transitions in `breaker_events` (state = the last one's target). Null when neither
 * exists (the server predates breakers).
 */
export async function readBreaker(
  api: Api,
  adminToken: string,
  sql: Sql,
  agentId: string,
): Promise<BreakerView | null> {
  try {
    const v = await api.query<{
      agent: { state: BreakerState };
      history: { from: BreakerState; to: BreakerState; at: number; reason: string }[];
    }>('agents.breaker', { id: agentId }, adminToken);
    // The API answers newest first.
    return { state: v.agent.state, history: [...v.history].sort((a, b) => a.at - b.at), source: 'api' };
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
  }
  const rows = await sql
    .query<{ from: BreakerState; to: BreakerState; at: string; reason: string }>(
      `select from_state as "from", to_state as "to", (extract(epoch from at) * 1000)::bigint as at, reason
     from breaker_events where key = $1 order by id`,
      [`agent:${agentId}`],
    )
    .catch(() => null);
  if (!rows) return null;
  const history = rows.map((r) => ({ ...r, at: Number(r.at) }));
  return { state: history.at(-1)?.to ?? 'closed', history, source: 'sql' };
}
