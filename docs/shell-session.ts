import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

const DONE = '__FD_BLOCK_DONE__';

/**
 * One bash process that runs blocks of commands in turn, keeping variables and functions from
 * one block to the next, as a reader pasting the README's blocks into one terminal would.
 */
export class ShellSession {
  private readonly bash: ChildProcessWithoutNullStreams;
  private buffer = '';
  private waiting: ((out: { output: string; code: number }) => void) | null = null;

  constructor(opts: { cwd: string; env: Record<string, string | undefined> }) {
    this.bash = spawn('bash', ['--noprofile', '--norc'], { cwd: opts.cwd, env: opts.env as NodeJS.ProcessEnv });
    this.bash.stdout.on('data', (c: Buffer) => this.take(c.toString()));
    this.bash.stderr.on('data', (c: Buffer) => this.take(c.toString()));
  }

  /** Runs one block; resolves with everything it printed and the status of its last command. */
  run(commands: string, timeoutMs = 60_000): Promise<{ output: string; code: number }> {
    if (this.waiting) throw new Error('a block is still running');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the block did not finish within ${timeoutMs} ms; it printed:\n${this.buffer}`)),
        timeoutMs,
      );
      this.waiting = (out) => {
        clearTimeout(timer);
        resolve(out);
      };
      this.bash.stdin.write(`${commands}\n__fd_rc=$?; printf '\\n%s %s\\n' ${DONE} "$__fd_rc"\n`);
    });
  }

  close(): void {
    this.bash.stdin.end();
    this.bash.kill('SIGKILL');
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    const m = new RegExp(`\\n?${DONE} (\\d+)\\n`).exec(this.buffer);
    if (!m || !this.waiting) return;
    const output = this.buffer.slice(0, m.index);
    this.buffer = this.buffer.slice(m.index + m[0].length);
    const done = this.waiting;
    this.waiting = null;
    done({ output, code: Number(m[1]) });
  }
}
