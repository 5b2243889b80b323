import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/** The lease epoch a cluster loop's tick runs under; set by `runFenced`, read by every query it makes. */
const fence = new AsyncLocalStorage<{ epoch: number }>();

/** A write refused because the cluster lease has moved past the epoch the loop started under. */
export class FencedOut extends Error {
  constructor(readonly epoch: number) {
    super(`the cluster lease has moved past epoch ${epoch}: this replica no longer leads, its write is refused`);
    this.name = 'FencedOut';
  }
}

/** Whether `e` (or what caused it: drizzle wraps driver errors) is a fenced-out write. */
export function isFencedOut(e: unknown): boolean {
  for (let c = e; c; c = (c as { cause?: unknown }).cause) if (c instanceof FencedOut) return true;
  return false;
}

/**
 * Runs `fn` so that every statement it makes on a fenced pool is refused once the lease is past
 * `epoch`. Awaited inside: drizzle's queries are lazy and start when awaited, which must happen
 * in the fence's context.
 */
export const runFenced = <T>(epoch: number, fn: () => Promise<T>): Promise<T> =>
  fence.run({ epoch }, async () => await fn());

/** Runs `fn` outside any fence: work shared with other callers (a batch of writes) must not inherit one caller's. */
export const outsideFence = <T>(fn: () => T): T => fence.exit(fn);

/**
 * How long a fenced transaction may sit idle: a leader stopped mid-tick (SIGSTOP) holds the lease
 * row's share lock, which a takeover waits for, at most this long.
 */
const FENCED_IDLE_MS = 5_000;

/**
 * The fencing check, first in each fenced transaction: the lease must still be at this epoch, and
 * its row is share-locked until the transaction ends, so a takeover (which updates the row) waits
 * for writes already checked, and every write after it fails the check. Checked by the store,
 * not by the holder: a paused former leader that wakes up writes nothing.
 */
async function checkFence(client: pg.PoolClient, epoch: number): Promise<void> {
  await client.query(`set local idle_in_transaction_session_timeout = ${FENCED_IDLE_MS}`);
  const found = await client.query(
    `select 1 from leader_lease where name = 'cluster' and epoch = $1 and expires_at > now() for share`,
    [epoch],
  );
  if (!found.rowCount) throw new FencedOut(epoch);
}

const isBegin = (query: unknown): boolean => {
  const text = typeof query === 'string' ? query : (query as { text?: string } | null)?.text;
  return typeof text === 'string' && /^\s*begin\b/i.test(text);
};

/**
 * A pg pool whose statements, when made under `runFenced`, run in a transaction that starts with
 * the fencing check: a single statement becomes begin, check, statement, commit; a transaction
 * (drizzle's `begin` on a pooled client) gets the check right after its `begin`. Outside a fence
 * it is a plain pool.
 */
export class FencedPool extends pg.Pool {
  // pg's overloads (callbacks, configs) make a typed override impractical; drizzle uses the promise forms.
  override query = ((...args: unknown[]) => {
    const held = fence.getStore();
    const plain = pg.Pool.prototype.query as (...a: unknown[]) => unknown;
    if (!held || typeof args.at(-1) === 'function') return plain.apply(this, args);
    return this.fencedStatement(held.epoch, args);
  }) as unknown as pg.Pool['query'];

  override connect = ((...args: unknown[]) => {
    const plain = pg.Pool.prototype.connect as (...a: unknown[]) => unknown;
    const held = fence.getStore();
    if (!held || args.length) return plain.apply(this, args);
    return (plain.apply(this) as Promise<pg.PoolClient>).then((client) => fencedClient(client, held.epoch));
  }) as unknown as pg.Pool['connect'];

  private async fencedStatement(epoch: number, args: unknown[]): Promise<unknown> {
    const client = await (pg.Pool.prototype.connect as () => Promise<pg.PoolClient>).apply(this);
    try {
      await client.query('begin');
      await checkFence(client, epoch);
      const result = await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
      await client.query('commit');
      return result;
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }
}

/** A pooled client whose next `begin` is followed by the fencing check; released as it was. */
function fencedClient(client: pg.PoolClient, epoch: number): pg.PoolClient {
  const query = client.query;
  const release = client.release;
  client.query = (async (...args: unknown[]) => {
    const result = await (query as (...a: unknown[]) => Promise<unknown>).apply(client, args);
    if (!isBegin(args[0])) return result;
    try {
      await checkFence(client, epoch);
    } catch (e) {
      // drizzle releases its client only once `begin` has succeeded: a refused one is ours to end.
      await (query as (text: string) => Promise<unknown>).call(client, 'rollback').catch(() => {});
      client.release();
      throw e;
    }
    return result;
  }) as unknown as pg.PoolClient['query'];
  client.release = ((err?: Error | boolean) => {
    client.query = query;
    client.release = release;
    return release.call(client, err);
  }) as pg.PoolClient['release'];
  return client;
}
