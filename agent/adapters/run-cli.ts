import { spawn } from 'node:child_process';
import readline from 'node:readline';
import type { AdapterEvent, CliCommand, OutputSource, StreamParser } from './adapter';

export interface RunCliOptions {
  cwd: string;
  parser: StreamParser;
  onEvent: (event: AdapterEvent) => void;
  /** Raise `stalled` after this long without a line of output. */
  stallAfterMs: number;
  env?: NodeJS.ProcessEnv;
  /** How many trailing lines of each stream to keep for error messages. */
  tailLines?: number;
}

export interface CliExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdoutTail: string[];
  stderrTail: string[];
  /** Set when the CLI could not be started at all (e.g. not installed). */
  spawnError?: string;
}

export interface CliRun {
  /** Settles once the process exited and its output was read; never rejects. */
  done: Promise<CliExit>;
  /** SIGTERM to the CLI's process group, SIGKILL after `graceMs`. Idempotent. */
  kill(graceMs?: number): void;
}

// Terminal colour and cursor sequences some CLIs print even when piped.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;

// CLIs run in process groups of their own: if the worker exits without stopping one (a crash),
// take the group down with it rather than leave it running unattended.
const liveGroups = new Set<number>();
process.once('exit', () => {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/**
 * Runs one CLI invocation: splits both streams into lines, feeds them to the adapter's parser,
 * watches for silence. The CLI gets its own process group so a terminal Ctrl-C reaches only
 * the worker (which drains) and a kill reaches the tools the CLI started too.
 */
export function runCli(cmd: CliCommand, opts: RunCliOptions): CliRun {
  const keep = opts.tailLines ?? 20;
  const tails: Record<OutputSource, string[]> = { stdout: [], stderr: [] };
  const emit = (events: AdapterEvent[]) => events.forEach((e) => opts.onEvent(e));

  const child = spawn(cmd.command, cmd.args, {
    cwd: opts.cwd,
    env: { ...(opts.env ?? process.env), ...cmd.env },
    stdio: [cmd.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    detached: true,
  });

  if (child.pid !== undefined) liveGroups.add(child.pid);
  let stalled = false;
  const stallTimer = setTimeout(function onSilence() {
    stalled = true;
    emit([{ type: 'activity', state: 'stalled', detail: `no output for ${Math.round(opts.stallAfterMs / 1000)} s` }]);
  }, opts.stallAfterMs);

  const onLine = (source: OutputSource) => (raw: string) => {
    const line = raw.replace(ANSI, '').trimEnd();
    stallTimer.refresh();
    if (stalled) {
      stalled = false;
      emit([{ type: 'activity', state: 'working', detail: 'output resumed' }]);
    }
    if (!line) return;
    const tail = tails[source];
    tail.push(line);
    if (tail.length > keep) tail.shift();
    emit(opts.parser.parse(line, source));
  };
  const streamsClosed = (['stdout', 'stderr'] as const).map(
    (source) =>
      new Promise<void>((resolve) => {
        const rl = readline.createInterface({ input: child[source]!, crlfDelay: Infinity });
        rl.on('line', onLine(source));
        rl.on('close', resolve);
      }),
  );

  if (cmd.stdin !== undefined && child.stdin) {
    child.stdin.on('error', () => {}); // the CLI may exit without reading its input
    child.stdin.end(cmd.stdin);
  }

  let killTimer: NodeJS.Timeout | undefined;
  let exited = false;
  const signalGroup = (sig: NodeJS.Signals) => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, sig);
    } catch {
      child.kill(sig);
    }
  };

  const done = new Promise<CliExit>((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null, spawnError?: string) => {
      exited = true;
      if (child.pid !== undefined) liveGroups.delete(child.pid);
      clearTimeout(stallTimer);
      clearTimeout(killTimer);
      emit(opts.parser.end?.(code) ?? []);
      resolve({ code, signal, stdoutTail: tails.stdout, stderrTail: tails.stderr, spawnError });
    };
    child.once('error', (err) => {
      if (!exited) finish(null, null, `${cmd.command}: ${err.message}`);
    });
    child.once('exit', (code, signal) => {
      // Output may still be buffered in the pipes: read it, but do not wait on a background
      // process that inherited them.
      const grace = new Promise<void>((r) => setTimeout(r, 2000).unref());
      void Promise.race([Promise.all(streamsClosed), grace]).then(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        if (!exited) finish(code, signal);
      });
    });
  });

  return {
    done,
    kill(graceMs = 5000) {
      if (exited || killTimer) return;
      signalGroup('SIGTERM');
      killTimer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      killTimer.unref();
    },
  };
}
