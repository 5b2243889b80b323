import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { sleep } from './wait';

const run = promisify(execFile);

/**
 * Stops and starts the machine's PostgreSQL cluster and Redis server, the way an operator (or
 * a crash) would. CI runs other suites afterwards, so `ensureUp` must be called in a finally.
 */
export class Services {
  private readonly pg: { host: string; port: string };
  private readonly redis: { host: string; port: string };

  constructor(databaseUrl: string, redisUrl: string) {
    const d = new URL(databaseUrl);
    const r = new URL(redisUrl);
    this.pg = { host: d.hostname || '127.0.0.1', port: d.port || '5432' };
    this.redis = { host: r.hostname || '127.0.0.1', port: r.port || '6379' };
  }

  async stopPostgres(): Promise<void> {
    await this.ctl('stop', '-m', 'fast');
  }

  /** Returns once PostgreSQL accepts connections again. */
  async startPostgres(): Promise<void> {
    await this.ctl('start');
    await this.waitFor('PostgreSQL', () => this.postgresReady(), 60_000);
  }

  async stopRedis(): Promise<void> {
    await run('redis-cli', ['-h', this.redis.host, '-p', this.redis.port, 'shutdown', 'nosave']).catch(() => undefined);
    await this.waitFor('Redis to stop', async () => !(await this.redisReady()), 10_000);
  }

  /** An empty Redis: no persistence, so nothing of the old stream survives. */
  async startRedis(): Promise<void> {
    await run('redis-server', [
      '--daemonize',
      'yes',
      '--bind',
      this.redis.host,
      '--port',
      this.redis.port,
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    await this.waitFor('Redis', () => this.redisReady(), 30_000);
  }

  /** Brings back whatever a failed scenario left down. */
  async ensureUp(): Promise<string[]> {
    const restored: string[] = [];
    if (!(await this.postgresReady())) {
      await this.startPostgres();
      restored.push('PostgreSQL');
    }
    if (!(await this.redisReady())) {
      await this.startRedis();
      restored.push('Redis');
    }
    return restored;
  }

  async postgresReady(): Promise<boolean> {
    return run('pg_isready', ['-h', this.pg.host, '-p', this.pg.port]).then(
      () => true,
      () => false,
    );
  }

  async redisReady(): Promise<boolean> {
    return run('redis-cli', ['-h', this.redis.host, '-p', this.redis.port, 'ping']).then(
      (r) => r.stdout.trim() === 'PONG',
      () => false,
    );
  }

  private async ctl(...args: string[]): Promise<void> {
    const version = readdirSync('/etc/postgresql').sort()[0];
    if (!version) throw new Error('no PostgreSQL cluster under /etc/postgresql');
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', ...args]);
  }

  private async waitFor(what: string, ok: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await ok())) {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
      await sleep(100);
    }
  }
}
