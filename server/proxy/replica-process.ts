import { spawn, type ChildProcess } from 'node:child_process';
import type { ReplicaPool } from './replica-pool';

export interface Backoff {
  firstMs: number;
  maxMs: number;
  /** A process that ran this long before exiting starts the count again from `firstMs`. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 1_000, maxMs: 30_000, resetAfterMs: 60_000 };

export interface ReplicaProcessOptions {
  id: number;
  command: { command: string; args: string[] };
  cwd: string;
  /** The same for every replica (database, Redis, admin token…); PORT and HOSTNAME are set here. */
  env: NodeJS.ProcessEnv;
  pool: ReplicaPool;
  freePort: () => Promise<number>;
  say: (line: string) => void;
  /** Called on an exit nobody asked for; answers whether to restart (false: the launcher gives up). */
  onUnexpectedExit: (id: number, how: string) => boolean;
  backoff?: Backoff;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One server process behind the proxy: started on a free port, restarted with backoff when it dies. */
export class ReplicaProcess {
  private child: ChildProcess | null = null;
  private exit: Promise<Exit> | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private failures = 0;
  private readonly backoff: Backoff;

  constructor(private readonly opts: ReplicaProcessOptions) {
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  get running(): boolean {
    return this.child !== null;
  }

  async start(): Promise<void> {
    const { id, command, cwd, env, pool, say } = this.opts;
    const port = await this.opts.freePort();
    if (this.stopping) return;
    const child = spawn(command.command, command.args, {
      cwd,
      stdio: 'inherit',
      env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1' },
    });
    const startedAt = Date.now();
    this.child = child;
    pool.started(id, port, child.pid ?? null);
    say(`  replica ${id}: pid ${child.pid} on http://127.0.0.1:${port}`);
    this.exit = new Promise<Exit>((resolve) => {
      let done = false;
      const exited = (exit: Exit, how: string) => {
        if (done) return;
        done = true;
        this.child = null;
        pool.exited(id, how);
        resolve(exit);
        if (!this.stopping) this.exitedUnexpectedly(how, Date.now() - startedAt, child.pid);
      };
      child.once('exit', (code, signal) =>
        exited({ code, signal }, signal ? `killed by ${signal}` : `exit code ${code}`),
      );
      child.once('error', (err) => exited({ code: null, signal: null }, `could not run: ${err.message}`));
    });
  }

  /** Passes a signal on (a repeated Ctrl-C hurries the replica's own shutdown). */
  signal(sig: NodeJS.Signals): void {
    this.child?.kill(sig);
  }

  /**
   * Stops it for good: `sig`, then SIGKILL past `graceMs`. Clean when it exited 0 by itself (or
   * was not running: waiting for a restart).
   */
  async stop(sig: NodeJS.Signals, graceMs: number): Promise<boolean> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    if (!this.child || !this.exit) return true;
    this.child.kill(sig);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    const first = await Promise.race([this.exit, late]);
    clearTimeout(timer);
    if (first === 'late') {
      this.opts.say(`  replica ${this.opts.id} did not stop within ${graceMs} ms: killing it`);
      this.child?.kill('SIGKILL');
      await this.exit;
      return false;
    }
    return first.code === 0;
  }

  private exitedUnexpectedly(how: string, ranMs: number, pid: number | undefined): void {
    const { id, say } = this.opts;
    if (!this.opts.onUnexpectedExit(id, how)) return;
    if (ranMs >= this.backoff.resetAfterMs) this.failures = 0;
    const delay = Math.min(this.backoff.firstMs * 2 ** this.failures, this.backoff.maxMs);
    this.failures++;
    say(`  replica ${id} (pid ${pid}) exited (${how}): restarting it in ${(delay / 1000).toFixed(1)} s`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.start().catch((err) => say(`  replica ${id} could not be restarted: ${(err as Error).message}`));
    }, delay);
  }
}
