import type http from 'node:http';
import { ROOT, serverCommand } from '../../cli/build.mjs';
import { describeMode } from '../../cli/ready.mjs';
import { readEnv, type Env } from '../env';
import { freePort, listen } from '../http/listen';
import { STOP_SIGNALS } from '../shutdown/stop-signals';
import { HealthChecks } from './health-checks';
import { createProxyServer } from './proxy-server';
import { ReplicaPool, type Replica, type ReplicaState } from './replica-pool';
import { ReplicaProcess, type Backoff } from './replica-process';

export interface LaunchOptions {
  replicas: number;
  port: number;
  /** Restart delays (tests shorten them). */
  backoff?: Backoff;
}

/** How long the replicas get to become ready before the launcher says it is up anyway (or gives up). */
const START_TIMEOUT_MS = 180_000;
/** What a replica may take past its own shutdown budget (it exits 1 at the budget) before it is killed. */
const STOP_MARGIN_MS = 5_000;

const say = (line: string) => void process.stdout.write(`${line}\n`);

/**
 * `flightdeck start --replicas N`: N server processes on free local ports and the proxy on
 * `port` in front of them; a replica that dies is restarted; a stop signal stops the proxy, then
 * every replica. Resolves to the exit code: 0 when every replica stopped cleanly.
 */
export async function launchReplicas(opts: LaunchOptions): Promise<number> {
  let env: Env;
  try {
    env = readEnv();
  } catch (err) {
    process.stderr.write(`flightdeck start: ${(err as Error).message}\n`);
    return 1;
  }
  const launcher = new Launcher(opts, env);
  return launcher.run();
}

class Launcher {
  private readonly pool = new ReplicaPool((r, from) => this.changed(r, from));
  private readonly proxy: http.Server;
  private readonly health: HealthChecks;
  private readonly replicas: ReplicaProcess[];
  /** Some replica has been ready once: from then on a replica that dies is restarted. */
  private up = false;
  private stopping: Promise<number> | null = null;
  /** Settles with the exit code once everything has stopped. */
  private readonly finished: Promise<number>;
  private finish: (code: number) => void = () => {};
  private gaveUp: string | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly opts: LaunchOptions,
    private readonly env: Env,
  ) {
    this.finished = new Promise((resolve) => (this.finish = resolve));
    this.proxy = createProxyServer(this.pool);
    this.health = new HealthChecks(this.pool);
    const command = serverCommand();
    const shared = {
      ...process.env,
      ...(command.env as { NODE_ENV: 'production' }),
      NEXT_TELEMETRY_DISABLED: '1',
      // Agents that a replica's pools start reach the cluster, not that replica's own port.
      FLIGHTDECK_PUBLIC_URL: env.FLIGHTDECK_PUBLIC_URL ?? `http://127.0.0.1:${opts.port}`,
    };
    this.replicas = Array.from(
      { length: opts.replicas },
      (_, i) =>
        new ReplicaProcess({
          id: i + 1,
          command,
          cwd: ROOT,
          env: shared,
          pool: this.pool,
          freePort,
          say,
          backoff: opts.backoff,
          onUnexpectedExit: (id, how) => this.exitedUnexpectedly(id, how),
        }),
    );
  }

  async run(): Promise<number> {
    try {
      await listen(this.proxy, this.opts.port, this.env.HOSTNAME);
    } catch (err) {
      process.stderr.write(`flightdeck start: ${(err as Error).message}\n`);
      return 1;
    }
    this.watchSignals();
    this.health.start();
    if (!this.env.REDIS_URL)
      say(
        '  note: without REDIS_URL, heartbeats and progress lines reach only the dashboards on the replica that got them',
      );
    // The first replica alone until it is ready: it applies the migrations and, on a new
    // database, creates the admin token and password it prints, once.
    await this.replicas[0].start();
    await this.until(() => this.pool.get(1)?.state === 'ready');
    if (!this.stopping) {
      await Promise.all(this.replicas.slice(1).map((r) => r.start()));
      await this.until(() => this.pool.all().every((r) => r.state === 'ready'), START_TIMEOUT_MS);
    }
    if (!this.stopping) this.announce();
    return this.finished;
  }

  private announce(): void {
    const ready = this.pool.all().filter((r) => r.state === 'ready');
    const n = this.opts.replicas;
    if (!ready.length) {
      say(`\n  Flightdeck did not become ready: no replica is ready (see the log above).\n`);
      return;
    }
    const mode = describeMode(ready[0].mode as never);
    const count = ready.length === n ? `${n} replicas` : `${ready.length} of ${n} replicas ready`;
    say(`\n  Flightdeck is ready (${mode}), ${count} behind one port`);
    say(`  Dashboard: http://localhost:${this.opts.port}  (sign in as admin)\n`);
  }

  private changed(r: Replica, from: ReplicaState): void {
    if (r.state === 'ready') this.up = true;
    for (const wake of this.waiters) wake();
    // An exit is reported by the replica's process (with its restart).
    if (this.stopping || r.pid === null || r.state === 'starting') return;
    if (r.state === 'ready') say(`  replica ${r.id} (pid ${r.pid}) is ready: in rotation`);
    else if (from === 'ready') say(`  replica ${r.id} (pid ${r.pid}) is out of rotation: ${r.why}`);
  }

  private exitedUnexpectedly(id: number, how: string): boolean {
    if (this.up) return true;
    // Never ready yet: a configuration problem (database, port, build), not a crash to retry.
    this.gaveUp = `replica ${id} exited during start-up (${how}): see its output above`;
    process.stderr.write(`flightdeck start: ${this.gaveUp}\n`);
    void this.shutdown('SIGTERM');
    return false;
  }

  /** Resolves when `done()` holds, the launcher is stopping, or after `timeoutMs`. */
  private until(done: () => boolean, timeoutMs = START_TIMEOUT_MS): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!done() && !this.stopping) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        resolve();
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  private watchSignals(): void {
    // Every signal is passed on: one Ctrl-C also reaches the replicas straight from the
    // terminal (they count repeats within a second as one); a later one hurries their stop.
    for (const sig of STOP_SIGNALS) process.on(sig, () => void this.shutdown(sig));
    // `npm start` does not always pass a SIGTERM on: if our parent goes away, stop too.
    const parent = process.ppid;
    const orphanWatch = setInterval(() => {
      if (process.ppid !== parent) void this.shutdown('SIGTERM');
    }, 1000);
    orphanWatch.unref();
  }

  /** The proxy stops taking connections (answers in flight still pass), then every replica stops. */
  private shutdown(sig: NodeJS.Signals): Promise<number> {
    if (this.stopping) {
      for (const r of this.replicas) r.signal(sig);
      return this.stopping;
    }
    this.stopping = (async () => {
      for (const wake of this.waiters) wake();
      if (!this.gaveUp) say(`  stopping (${sig}): the proxy takes no new connections, then the replicas stop`);
      this.proxy.close();
      this.proxy.closeIdleConnections();
      const graceMs = this.env.FLIGHTDECK_SHUTDOWN_TIMEOUT_MS + STOP_MARGIN_MS;
      const clean = await Promise.all(this.replicas.map((r) => r.stop(sig, graceMs)));
      await this.health.stop();
      this.proxy.closeAllConnections();
      const ok = clean.every(Boolean) && !this.gaveUp;
      say(ok ? '  all replicas stopped cleanly' : '  stopped, not cleanly (see above)');
      this.finish(ok ? 0 : 1);
      return ok ? 0 : 1;
    })();
    return this.stopping;
  }
}
