import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../cli/build.mjs';
import { AgentLogReader, type AgentLogEntry } from './agent-log';
import { sleep } from './wait';

export interface AgentSpec {
  name: string;
  behaviour?: string;
  concurrency?: number;
  /** Simulated work per round, in ms: "20-200". */
  delay?: string;
}

interface FleetOptions {
  url: string;
  adminToken: string;
  /** Where the agents' JSON-line logs go. */
  dir: string;
  capability: string;
  runtime: string;
}

const AGENT_ENTRY = path.join(ROOT, 'faults', 'agent.ts');
const STDERR_TAIL = 8 * 1024;

/** One agent OS process; `restart` runs the same spec again (same name: it re-registers as itself). */
export class AgentProcess {
  readonly logFile: string;
  readonly reader: AgentLogReader;
  /** The server's id for it, once a `registered` line has been read. */
  agentId: string | null = null;
  child!: ChildProcess;
  exited!: Promise<NodeJS.Signals | number | null>;
  stderr = '';
  /** Set when the harness ends it, so a watcher can tell a crash from a shutdown. */
  ending = false;

  constructor(
    readonly spec: AgentSpec,
    private readonly opts: FleetOptions,
    private readonly onExit: (a: AgentProcess, how: NodeJS.Signals | number | null) => void,
  ) {
    this.logFile = path.join(opts.dir, `${spec.name}.jsonl`);
    this.reader = new AgentLogReader(this.logFile);
    this.start();
  }

  get pid(): number {
    return this.child.pid!;
  }

  start(): void {
    const s = this.spec;
    const args = [
      '--import',
      'tsx',
      AGENT_ENTRY,
      '--url',
      this.opts.url,
      '--name',
      s.name,
      '--capability',
      this.opts.capability,
      '--runtime',
      this.opts.runtime,
      '--concurrency',
      String(s.concurrency ?? 4),
      '--behaviour',
      s.behaviour ?? 'ok',
      '--delay',
      s.delay ?? '20-200',
      '--log',
      this.logFile,
    ];
    this.ending = false;
    this.child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, FAULTS_ADMIN_TOKEN: this.opts.adminToken },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child.stderr!.on('data', (c: Buffer) => (this.stderr = (this.stderr + c.toString()).slice(-STDERR_TAIL)));
    const child = this.child;
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        const how = signal ?? code;
        this.onExit(this, how);
        resolve(how);
      }),
    );
  }

  signal(sig: NodeJS.Signals): void {
    try {
      this.child.kill(sig);
    } catch {
      /* already gone */
    }
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGTERM (it deregisters), then SIGKILL if it lingers. */
  async end(): Promise<void> {
    this.ending = true;
    if (!this.alive) return;
    this.signal('SIGCONT');
    this.signal('SIGTERM');
    const done = await Promise.race([this.exited.then(() => true), sleep(3_000).then(() => false)]);
    if (!done) {
      this.signal('SIGKILL');
      await this.exited;
    }
  }
}

/**
 * The agents of one scenario: separate processes sharing a capability and a runtime label,
 * each logging what it was given and what the server accepted. `poll` collects new log lines.
 */
export class Fleet {
  readonly agents: AgentProcess[] = [];
  readonly entries: AgentLogEntry[] = [];
  /** Unexpected exits (not ended by the harness): crashes, SIGKILL. */
  readonly deaths: { name: string; how: NodeJS.Signals | number | null; at: number }[] = [];
  private readonly onProcessExit = () => this.agents.forEach((a) => a.signal('SIGKILL'));

  constructor(
    private readonly opts: FleetOptions,
    private readonly onDeath?: (a: AgentProcess) => void,
  ) {
    process.on('exit', this.onProcessExit);
  }

  spawn(spec: AgentSpec): AgentProcess {
    const a = new AgentProcess(spec, this.opts, (agent, how) => {
      if (agent.ending) return;
      this.deaths.push({ name: agent.spec.name, how, at: Date.now() });
      this.onDeath?.(agent);
    });
    this.agents.push(a);
    return a;
  }

  /** New log lines from every agent since the last call (also kept in `entries`). */
  poll(): AgentLogEntry[] {
    const fresh: AgentLogEntry[] = [];
    for (const a of this.agents) {
      for (const e of a.reader.readNew()) {
        if (e.e === 'registered') a.agentId = e.agentId;
        fresh.push(e);
      }
    }
    this.entries.push(...fresh);
    return fresh;
  }

  /** Until every agent has registered once (its first log line). */
  async ready(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.agents.some((a) => !a.agentId)) {
      this.poll();
      const dead = this.agents.find((a) => !a.alive && !a.agentId);
      if (dead) throw new Error(`agent ${dead.spec.name} exited before registering: ${dead.stderr.trim().slice(-500)}`);
      if (Date.now() > deadline)
        throw new Error(
          `agents not registered after ${timeoutMs / 1000} s: ${this.agents
            .filter((a) => !a.agentId)
            .map((a) => a.spec.name)
            .join(', ')}`,
        );
      await sleep(100);
    }
  }

  byName(name: string): AgentProcess | undefined {
    return this.agents.find((a) => a.spec.name === name);
  }

  async end(): Promise<void> {
    await Promise.all(this.agents.map((a) => a.end()));
    this.poll();
    process.off('exit', this.onProcessExit);
  }
}
