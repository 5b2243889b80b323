import type { Sql } from './database';
import { isStateChange, type LiveEvent } from './live-events';

export interface Delivery {
  /** Positions the log holds in the range. */
  expected: number;
  /** State changes the client received in the range. */
  received: number;
  missing: number[];
  /** Positions received more than once (each listed once). */
  duplicated: number[];
  /** Received positions not above the one before them. */
  outOfOrder: number;
  /** Received positions the log does not hold (pruned, or never written). */
  unknown: number[];
}

/** Whether `received` is exactly `expected`: every position once, in order, nothing else. */
export function compareDelivery(expected: readonly number[], received: readonly number[]): Delivery {
  const inLog = new Set(expected);
  const seen = new Set<number>();
  const duplicated = new Set<number>();
  let outOfOrder = 0;
  received.forEach((p, i) => {
    if (seen.has(p)) duplicated.add(p);
    seen.add(p);
    if (i > 0 && p <= received[i - 1]) outOfOrder++;
  });
  return {
    expected: expected.length,
    received: received.length,
    missing: expected.filter((p) => !seen.has(p)),
    duplicated: [...duplicated],
    outOfOrder,
    unknown: [...seen].filter((p) => !inLog.has(p)),
  };
}

export const deliveredExactlyOnce = (d: Delivery) =>
  d.missing.length + d.duplicated.length + d.outOfOrder + d.unknown.length === 0;

/** The log's positions in (after, upTo], in order. */
export async function logPositions(sql: Sql, after: number, upTo: number): Promise<number[]> {
  const rows = await sql.query<{ position: string }>(
    'select position from events where position > $1 and position <= $2 order by position',
    [after, upTo],
  );
  return rows.map((r) => Number(r.position));
}

/** The newest position in the log (0 when empty). */
export async function logHead(sql: Sql): Promise<number> {
  const [r] = await sql.query<{ head: string | null }>('select max(position) as head from events');
  return Number(r?.head ?? 0);
}

/** What a client received of the log in (after, upTo], checked against the events table. */
export async function checkDelivery(sql: Sql, events: readonly LiveEvent[], after: number, upTo: number) {
  const received = events
    .filter(isStateChange)
    .map((e) => Number(e.id))
    .filter((p) => p > after && p <= upTo);
  return compareDelivery(await logPositions(sql, after, upTo), received);
}

/** One line for a check's detail. */
export function describeDelivery(d: Delivery): string {
  const sample = (xs: number[]) => (xs.length ? ` (e.g. ${xs.slice(0, 5).join(', ')})` : '');
  return `${d.received} received of ${d.expected} in the log: ${d.missing.length} missing${sample(d.missing)}, ${d.duplicated.length} duplicated${sample(d.duplicated)}, ${d.outOfOrder} out of order, ${d.unknown.length} not in the log${sample(d.unknown)}`;
}
