import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@/server/testing/built-server';
import { ReplicaPool } from './replica-pool';
import { ReplicaProcess } from './replica-process';

// Supervision with small Node scripts standing in for the server (real processes, no build).

const running: ReplicaProcess[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop('SIGKILL', 1_000);
});

function supervise(script: string, opts: { restart?: boolean } = {}) {
  const lines: string[] = [];
  const pool = new ReplicaPool();
  const exits: string[] = [];
  const replica = new ReplicaProcess({
    id: 1,
    command: { command: process.execPath, args: ['-e', script] },
    cwd: process.cwd(),
    env: process.env,
    pool,
    freePort,
    say: (line) => lines.push(line),
    onUnexpectedExit: (_id, how) => {
      exits.push(how);
      return opts.restart ?? true;
    },
    backoff: { firstMs: 100, maxMs: 400, resetAfterMs: 60_000 },
  });
  running.push(replica);
  return { replica, pool, lines, exits };
}

const STAYS_UP = 'setInterval(() => {}, 1000)';
/** Exits 0 on SIGTERM, like the server after a clean drain. */
const STOPS_CLEANLY = `process.on('SIGTERM', () => process.exit(0)); ${STAYS_UP}`;

/** The script, then a file it writes once its handlers are in place (a loaded machine starts node slowly). */
function withReadyFile(script: string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'fd-replica-')), 'ready');
  return {
    script: `${script}; require('node:fs').writeFileSync(${JSON.stringify(file)}, '')`,
    ready: () => expect.poll(() => existsSync(file), { timeout: 10_000 }).toBe(true),
  };
}

describe('a supervised replica process', () => {
  it('gets PORT and HOSTNAME of its own and is announced with its pid and port', async () => {
    const { replica, pool, lines } = supervise(
      `if (process.env.HOSTNAME !== '127.0.0.1' || !process.env.PORT) process.exit(3); ${STAYS_UP}`,
    );
    await replica.start();
    const r = pool.get(1)!;
    expect(r).toMatchObject({ state: 'starting', pid: replica.pid });
    expect(lines).toEqual([`  replica 1: pid ${replica.pid} on http://127.0.0.1:${r.port}`]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(replica.running).toBe(true);
  });

  it('is restarted when it dies, on a new port, with a growing delay while it keeps dying', async () => {
    const { replica, pool, lines, exits } = supervise('process.exit(1)');
    await replica.start();
    await expect.poll(() => exits.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(4);
    expect(exits[0]).toBe('exit code 1');
    const delays = lines.filter((l) => l.includes('restarting it in')).map((l) => /in ([\d.]+) s/.exec(l)![1]);
    expect(delays.slice(0, 3)).toEqual(['0.1', '0.2', '0.4']);
    const ports = lines.filter((l) => l.includes(': pid ')).map((l) => /:(\d+)$/.exec(l)![1]);
    expect(new Set(ports).size).toBe(ports.length);
    expect(pool.get(1)!.state === 'down' || pool.get(1)!.state === 'starting').toBe(true);
  });

  it('is not restarted when the launcher gives up on it', async () => {
    const { replica, lines, exits } = supervise('process.exit(1)', { restart: false });
    await replica.start();
    await expect.poll(() => exits.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(exits).toHaveLength(1);
    expect(lines.filter((l) => l.includes('restarting'))).toEqual([]);
  });

  it('stops cleanly on a signal when it exits 0, and is not restarted', async () => {
    const child = withReadyFile(STOPS_CLEANLY);
    const { replica, pool, exits } = supervise(child.script);
    await replica.start();
    await child.ready();
    expect(await replica.stop('SIGTERM', 5_000)).toBe(true);
    expect(replica.running).toBe(false);
    expect(pool.get(1)!.state).toBe('down');
    expect(exits).toEqual([]);
  });

  it('is killed past its grace period, and that stop is not clean', async () => {
    const child = withReadyFile(`process.on('SIGTERM', () => {}); ${STAYS_UP}`);
    const { replica, lines } = supervise(child.script);
    await replica.start();
    await child.ready();
    expect(await replica.stop('SIGTERM', 300)).toBe(false);
    expect(replica.running).toBe(false);
    expect(lines).toContain('  replica 1 did not stop within 300 ms: killing it');
  });
});
