import { describe, expect, it } from 'vitest';
import { ReplicaPool, type ReplicaState } from './replica-pool';
import { mayRetry } from './retry-policy';

function poolOf(...states: ReplicaState[]) {
  const changes: string[] = [];
  const pool = new ReplicaPool((r, from) => changes.push(`${r.id}:${from}->${r.state}`));
  states.forEach((state, i) => {
    const r = pool.started(i + 1, 4000 + i, 100 + i);
    if (state === 'down') pool.exited(r.id);
    else if (state !== 'starting') pool.report(r.id, r.port, state);
  });
  return { pool, changes };
}

const picks = (pool: ReplicaPool, n: number) => Array.from({ length: n }, () => pool.pick()?.id ?? null);

describe('choosing a replica', () => {
  it('takes the ready replicas in turn when they are equally busy', () => {
    const { pool } = poolOf('ready', 'ready', 'ready');
    expect(picks(pool, 6)).toEqual([1, 2, 3, 1, 2, 3]);
  });

  it('sends the next request to the replica with the fewest in flight (long-polls and streams count)', () => {
    const { pool } = poolOf('ready', 'ready', 'ready');
    pool.acquire(pool.get(1)!);
    pool.acquire(pool.get(1)!);
    const release = pool.acquire(pool.get(2)!);
    expect(pool.pick()?.id).toBe(3);
    pool.acquire(pool.get(3)!);
    release();
    expect(pool.pick()?.id).toBe(2);
  });

  it('skips replicas that are down or still starting', () => {
    const { pool } = poolOf('down', 'ready', 'starting', 'ready');
    expect(picks(pool, 4)).toEqual([2, 4, 2, 4]);
  });

  it('never offers a replica already tried for this request', () => {
    const { pool } = poolOf('ready', 'ready');
    expect(pool.pick(new Set([1]))?.id).toBe(2);
    expect(pool.pick(new Set([1, 2]))).toBeNull();
  });

  it('falls back to a replica that answers but is not ready, so its own error reaches the client', () => {
    const { pool } = poolOf('down', 'unready');
    expect(pool.pick()?.id).toBe(2);
    expect(pool.ready).toBe(false);
  });

  it('has nothing to offer when every replica is down', () => {
    const { pool } = poolOf('down', 'down');
    expect(pool.pick()).toBeNull();
  });

  it('releases a request once however often its end is reported', () => {
    const { pool } = poolOf('ready');
    const release = pool.acquire(pool.get(1)!);
    release();
    release();
    expect(pool.get(1)!.active).toBe(0);
  });
});

describe('what the pool learns about a replica', () => {
  it('takes a replica out of rotation when reported down and back in when ready', () => {
    const { pool, changes } = poolOf('ready', 'ready');
    pool.report(1, 4000, 'down', { why: 'ECONNREFUSED' });
    expect(picks(pool, 2)).toEqual([2, 2]);
    expect(pool.get(1)!.why).toBe('ECONNREFUSED');
    pool.report(1, 4000, 'ready');
    expect(picks(pool, 2).sort()).toEqual([1, 2]);
    expect(changes).toContain('1:ready->down');
    expect(changes).toContain('1:down->ready');
  });

  it('ignores news about an earlier process of a restarted replica (another port)', () => {
    const { pool } = poolOf('ready');
    pool.exited(1, 'killed by SIGKILL');
    pool.started(1, 5000, 200);
    pool.report(1, 4000, 'ready');
    expect(pool.get(1)!.state).toBe('starting');
    pool.report(1, 5000, 'ready');
    expect(pool.get(1)!.state).toBe('ready');
  });

  it('keeps a starting replica starting while it does not answer yet', () => {
    const { pool } = poolOf('starting');
    pool.report(1, 4000, 'down', { why: 'ECONNREFUSED' });
    expect(pool.get(1)!.state).toBe('starting');
  });

  it('marks an exited replica down with no process, whatever a late health check says', () => {
    const { pool } = poolOf('ready');
    pool.exited(1, 'exit code 1');
    pool.report(1, 4000, 'ready');
    expect(pool.get(1)).toMatchObject({ state: 'down', pid: null, why: 'exit code 1' });
    expect(pool.ready).toBe(false);
  });
});

describe('which failed requests go to another replica', () => {
  it('retries any request that never reached a replica (connection refused)', () => {
    expect(mayRetry('not-sent', 'POST', 0)).toBe(true);
    expect(mayRetry('not-sent', 'GET', 5)).toBe(true);
  });

  it('retries a query whose replica died before answering, once', () => {
    expect(mayRetry('sent', 'GET', 0)).toBe(true);
    expect(mayRetry('sent', 'head', 0)).toBe(true);
    expect(mayRetry('sent', 'GET', 1)).toBe(false);
  });

  it('does not retry a mutation that reached a replica: it may have taken effect', () => {
    expect(mayRetry('sent', 'POST', 0)).toBe(false);
  });

  it('never retries once the answer has begun', () => {
    expect(mayRetry('answering', 'GET', 0)).toBe(false);
  });
});
