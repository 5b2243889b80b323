import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shellQuote } from '../adapters/shell';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const RECORDINGS = path.join(HERE, 'recordings');

export interface FakeCli {
  /** The wrapper script: pass it as `cliPath`, or find it on PATH after `onPath()`. */
  path: string;
  /** The argv of every run so far, oldest first. */
  runs(): Promise<{ argv: string[]; cwd: string }[]>;
}

/**
 * A temp directory of executables named claude, gemini, codex, aider, each a tiny shell
 * wrapper around fake-cli.mjs with its recordings baked in.
 */
export class FakeCliDir {
  private constructor(readonly dir: string) {}

  static async create(): Promise<FakeCliDir> {
    return new FakeCliDir(await mkdtemp(path.join(tmpdir(), 'fd-fake-cli-')));
  }

  /** (Re)installs `name` replaying `recordings` (file names under recordings/) run after run. */
  async install(name: string, recordings: string[]): Promise<FakeCli> {
    const file = path.join(this.dir, name);
    const log = path.join(this.dir, `${name}.argv.jsonl`);
    const state = path.join(this.dir, `${name}.runs`);
    await rm(log, { force: true });
    await rm(state, { force: true });
    const env = {
      FAKE_CLI_NAME: name,
      FAKE_CLI_RECORDING: recordings.map((r) => path.join(RECORDINGS, r)).join(','),
      FAKE_CLI_STATE: state,
      FAKE_CLI_ARGV_LOG: log,
    };
    const exports = Object.entries(env)
      .map(([k, v]) => `${k}=${shellQuote(v)}`)
      .join(' ');
    await writeFile(
      file,
      `#!/bin/sh\nexport ${exports}\nexec ${shellQuote(process.execPath)} ${shellQuote(path.join(HERE, 'fake-cli.mjs'))} "$@"\n`,
    );
    await chmod(file, 0o755);
    return {
      path: file,
      async runs() {
        const text = await readFile(log, 'utf8').catch(() => '');
        return text
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l));
      },
    };
  }

  /** Puts the directory first on PATH; returns the undo. */
  onPath(): () => void {
    const before = process.env.PATH;
    process.env.PATH = `${this.dir}${path.delimiter}${before ?? ''}`;
    return () => {
      process.env.PATH = before;
    };
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
