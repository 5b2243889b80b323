import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '@/server/core/ports';
import type { AgentProvider, ManagedAgentSpec, ManagedExit } from '@/server/core/pools/ports';
import { OutputLines } from './output-lines';
import { isManagedPid, killTree, MANAGED_MARKER, pidAlive, pidOf, signalPid } from './process-liveness';
import { describeSettingsProblems, parseSettings } from './settings-check';
import { findRepoRoot, flightdeckAgentCommand, ProcessSettingsInput, type WorkerCommand } from './worker-command';

export { ProcessSettingsInput };

export interface ProcessProviderOptions {
  /** The repository root holding cli/bin.mjs; found from this file's location when absent. */
  root?: string;
  /** What to run for an agent; `flightdeck agent …` unless given (tests run small scripts). */
  command?: (spec: ManagedAgentSpec, workdir: string) => WorkerCommand;
  /** Files that must exist for `check()`; the CLI and the worker entry unless given. */
  requiredFiles?: string[];
  /** The environment children start from, before the pool's `env`. */
  baseEnv?: NodeJS.ProcessEnv;
  /** Lines of output kept per agent. */
  logLines?: number;
  /** How long `remove` lets a running agent drain before it is killed. */
  removeGraceMs?: number;
  log?: Logger;
}

/** How much of a crashed worker's stderr its exit report keeps. */
const STDERR_TAIL_LINES = 20;
const STDERR_LINE_CHARS = 500;
/** The worker takes a second SIGTERM as "stop now" only this long after the first (agent/main.ts). */
const WORKER_REPEAT_MS = 1_100;

/** The server's own credentials, which a worker running arbitrary tools must not inherit. */
const SERVER_SECRETS = ['FLIGHTDECK_ADMIN_TOKEN', 'FLIGHTDECK_ADMIN_PASSWORD', 'DATABASE_URL', 'REDIS_URL'];

interface Instance {
  child: ChildProcess;
  pid: number;
  agentId: string;
  output: OutputLines;
  /** The last lines of stderr alone, for the exit report of a crash. */
  stderr: OutputLines;
  exited: Promise<void>;
  /** Settles once its stdio is drained, after the exit. */
  closed: Promise<void>;
  /** A directory we created (and so remove), not one the pool named. */
  ownWorkdir: string | null;
}

/** Runs each managed agent as a local child process: the `flightdeck agent` worker. */
export class ProcessProvider implements AgentProvider {
  readonly kind = 'process';
  private readonly root: string;
  private readonly instances = new Map<string, Instance>();
  private closed = false;

  constructor(private readonly options: ProcessProviderOptions = {}) {
    this.root = options.root ?? findRepoRoot();
  }

  validateSettings(settings: Record<string, unknown>): string | null {
    return describeSettingsProblems(ProcessSettingsInput, settings);
  }

  async start(spec: ManagedAgentSpec): Promise<{ ref: string }> {
    if (this.closed) throw new Error('the server is shutting down: no agent process starts now');
    const settings = parseSettings(ProcessSettingsInput, spec.settings, 'process');
    for (const [ref, inst] of this.instances) if (inst.agentId === spec.agentId && isLive(inst.child)) return { ref };
    const ownWorkdir = settings.workdir
      ? null
      : path.join(os.tmpdir(), 'flightdeck-agents', safeName(`${spec.agentName}-${spec.agentId}`));
    const workdir = settings.workdir ?? ownWorkdir!;
    mkdirSync(workdir, { recursive: true });
    const { cmd, args } = (this.options.command ?? flightdeckAgentCommand(this.root))(spec, workdir);
    const env: NodeJS.ProcessEnv = { ...(this.options.baseEnv ?? process.env) };
    for (const name of SERVER_SECRETS) delete env[name];
    Object.assign(env, settings.env, { [MANAGED_MARKER]: spec.agentId, FLIGHTDECK_TOKEN: spec.agentToken });
    // Its own process group, so a force kill reaches the worker's children too.
    const child = spawn(cmd, args, { cwd: this.root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const output = new OutputLines(this.options.logLines ?? 500);
    const stderr = new OutputLines(STDERR_TAIL_LINES);
    child.on('error', (e) => output.line(`[flightdeck] ${e.message}`));
    for (const [name, stream] of [
      ['stdout', child.stdout!],
      ['stderr', child.stderr!],
    ] as const) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        output.write(name, chunk);
        if (name === 'stderr') stderr.write(name, chunk);
      });
      stream.on('end', () => {
        output.end(name);
        if (name === 'stderr') stderr.end(name);
      });
    }
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const exited = new Promise<void>((resolve) => {
      child.once('exit', (code, signal) => {
        output.line(`[flightdeck] worker exited (${signal ? `signal ${signal}` : `code ${code}`})`);
        this.options.log?.info({ agentId: spec.agentId, pid: child.pid, code, signal }, 'agent process exited');
        resolve();
      });
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    }).catch((e: Error) => {
      if (ownWorkdir) rmSync(ownWorkdir, { recursive: true, force: true });
      throw new Error(`could not start the agent worker (${cmd}): ${e.message}`, { cause: e });
    });
    const ref = String(child.pid);
    this.instances.set(ref, {
      child,
      pid: child.pid!,
      agentId: spec.agentId,
      output,
      stderr,
      exited,
      closed,
      ownWorkdir,
    });
    this.options.log?.info(
      { agentId: spec.agentId, agentName: spec.agentName, pid: child.pid },
      'agent process started',
    );
    return { ref };
  }

  async stop(ref: string, graceMs: number): Promise<void> {
    const inst = this.instances.get(ref);
    if (inst) return this.stopChild(inst, graceMs);
    const pid = pidOf(ref);
    if (pid === null || !pidAlive(pid) || !isManagedPid(pid)) return;
    // An agent started before a server restart: no exit event, so watch the pid.
    signalPid(pid, 'SIGTERM');
    if (await waitForExit(pid, graceMs)) return;
    killTree(pid);
    await waitForExit(pid, 5_000);
  }

  async remove(ref: string): Promise<void> {
    if (await this.isRunning(ref)) await this.stop(ref, this.options.removeGraceMs ?? 5_000);
    const inst = this.instances.get(ref);
    this.instances.delete(ref);
    if (inst?.ownWorkdir) rmSync(inst.ownWorkdir, { recursive: true, force: true });
  }

  async isRunning(ref: string): Promise<boolean> {
    const inst = this.instances.get(ref);
    if (inst) return isLive(inst.child);
    const pid = pidOf(ref);
    return pid !== null && pidAlive(pid) && isManagedPid(pid);
  }

  async exitOf(ref: string): Promise<ManagedExit | null> {
    const inst = this.instances.get(ref);
    if (!inst || isLive(inst.child)) return null;
    // 'exit' can come before the last stderr chunk; 'close' comes after it.
    await Promise.race([inst.closed, new Promise((r) => setTimeout(r, 1_000).unref())]);
    const { exitCode: code, signalCode: signal } = inst.child;
    const lines = inst.stderr.tail(STDERR_TAIL_LINES);
    return {
      code,
      signal,
      stderr: lines
        ? lines.split('\n').map((l) => (l.length > STDERR_LINE_CHARS ? `${l.slice(0, STDERR_LINE_CHARS)}…` : l))
        : [],
    };
  }

  async logs(ref: string, tailLines: number): Promise<string> {
    const inst = this.instances.get(ref);
    if (inst) return inst.output.tail(tailLines);
    return tailLines > 0 ? '[flightdeck] no output captured: the agent was started by an earlier server process' : '';
  }

  async check(): Promise<{ ok: boolean; detail: string }> {
    const files = this.options.requiredFiles ?? [
      path.join(this.root, 'cli', 'bin.mjs'),
      path.join(this.root, 'agent', 'main.ts'),
    ];
    const missing = files.filter((f) => !existsSync(f));
    if (missing.length) return { ok: false, detail: `agent worker not found: ${missing.join(', ')} missing` };
    return { ok: true, detail: `agent worker: ${files.join(', ')}` };
  }

  /**
   * Shutdown: every agent this process started drains (SIGTERM); halfway through `graceMs`, or
   * on `hurry`, a second SIGTERM has it hand its work back and exit; at `graceMs` it is killed.
   * No agent starts from then on. Agents this process did not start are left alone.
   */
  async stopAll(graceMs: number, hurry?: AbortSignal): Promise<void> {
    this.closed = true;
    const urge = { afterMs: Math.max(WORKER_REPEAT_MS, graceMs / 2), hurry };
    await Promise.all([...this.instances.values()].map((inst) => this.stopChild(inst, graceMs, urge)));
  }

  /** SIGKILL to every agent process this process started, synchronously (a shutdown out of time). */
  killAll(): void {
    this.closed = true;
    for (const inst of this.instances.values()) if (isLive(inst.child)) killTree(inst.pid);
  }

  private async stopChild(
    inst: Instance,
    graceMs: number,
    urge?: { afterMs: number; hurry?: AbortSignal },
  ): Promise<void> {
    if (!isLive(inst.child)) return;
    // SIGTERM to the worker alone: it drains and exits 0 (a second signal means "hurry").
    signalPid(inst.pid, 'SIGTERM');
    const timers = [setTimeout(() => killTree(inst.pid), Math.max(0, graceMs))];
    if (urge) {
      const sentAt = Date.now();
      const again = () => isLive(inst.child) && signalPid(inst.pid, 'SIGTERM');
      timers.push(setTimeout(again, urge.afterMs));
      const soon = () => timers.push(setTimeout(again, Math.max(0, sentAt + WORKER_REPEAT_MS - Date.now())));
      if (urge.hurry?.aborted) soon();
      else urge.hurry?.addEventListener('abort', soon, { once: true });
    }
    await inst.exited;
    for (const t of timers) clearTimeout(t);
    // Stragglers it left in its group; the group id is not reused while any of them remain.
    try {
      process.kill(-inst.pid, 'SIGKILL');
    } catch {
      // none left
    }
  }
}

function isLive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (pidAlive(pid)) {
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

function safeName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_.-]+/g, '-').slice(0, 100);
}
