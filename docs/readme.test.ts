import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/build.mjs';
import { waitForReady } from '../cli/ready.mjs';
import { ensureBuilt, freePort } from '@/server/testing/built-server';
import { createTestDatabase } from '@/server/testing/test-runtime';
import { matchesExpected, parseBlocks, tagProblem, type Block } from './markdown-blocks';
import { ShellSession } from './shell-session';

const READMES = ['README.md', 'agent/README.md'];
/** The API docs (generated from docs/source/) and the architecture page; the agent protocol's walkthrough runs like the README's. */
const DOCS = ['docs/api.md', 'docs/agent-protocol.md', 'docs/architecture.md'];
const blocksOf = (file: string) => parseBlocks(readFileSync(path.join(ROOT, file), 'utf8'));

describe('the READMEs and docs say which command blocks run', () => {
  it.each([...READMES, ...DOCS])(
    '%s: every block names its language, and every shell block is tagged run or no-run',
    (file) => {
      const problems = blocksOf(file)
        .map((b) => [b, tagProblem(b)] as const)
        .filter(([, p]) => p)
        .map(([b, p]) => `${file}:${b.line} ${p}`);
      expect(problems).toEqual([]);
    },
  );
});

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Starts the README's `server` block as a reader would, on a free port and a fresh data directory. */
async function startReadmeServer(block: Block) {
  await ensureBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fd-readme-'));
  const db = process.env.DATABASE_URL
    ? await createTestDatabase(process.env.DATABASE_URL, `fd_readme_${randomBytes(4).toString('hex')}`)
    : null;
  const server = spawn('bash', ['--noprofile', '--norc', '-c', block.body], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      FLIGHTDECK_DATA_DIR: dataDir,
      DATABASE_URL: db?.url,
      LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  let output = '';
  server.stdout.on('data', (c: Buffer) => (output += c.toString()));
  server.stderr.on('data', (c: Buffer) => (output += c.toString()));
  let running = true;
  const exited = new Promise<void>((resolve) =>
    server.on('exit', () => {
      running = false;
      resolve();
    }),
  );
  cleanups.push(async () => {
    // Ctrl-C, as the README says, to the whole process group; then make sure nothing is left.
    if (running) process.kill(-server.pid!, 'SIGINT');
    await Promise.race([exited, sleep(25_000)]);
    if (running) process.kill(-server.pid!, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await db?.drop();
  });
  const ready = await waitForReady(`http://127.0.0.1:${port}`, { timeoutMs: 120_000, stillAlive: () => running });
  if (!ready.ready) throw new Error(`the README's server did not start (${ready.why}):\n${output}`);
  return { port, output: () => output };
}

/** The README's server, started once for the README's blocks and the docs' walkthrough. */
let readmeServer: ReturnType<typeof startReadmeServer> | null = null;
function theServer() {
  const servers = blocksOf('README.md').filter((b) => b.tags.includes('server'));
  expect(servers, 'the README has one block tagged "server"').toHaveLength(1);
  return (readmeServer ??= startReadmeServer(servers[0]));
}

/** Runs a file's "run" blocks in order in a fresh shell, each checked against the "text expected" block after it. */
async function runBlocks(file: string, port: number): Promise<number> {
  const blocks = blocksOf(file);
  const shell = new ShellSession({
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', NEXT_TELEMETRY_DISABLED: '1' },
  });
  cleanups.push(() => shell.close());
  let ran = 0;
  for (const [i, block] of blocks.entries()) {
    if (!block.tags.includes('run')) continue;
    const commands = block.body.replace(/(localhost|127\.0\.0\.1):3000\b/g, `$1:${port}`);
    const { output, code } = await shell.run(commands);
    const where = `${file}:${block.line}`;
    expect(code, `${where} exited with ${code}; it printed:\n${output}`).toBe(0);
    const next = blocks[i + 1];
    if (next?.tags.includes('expected')) {
      const match = matchesExpected(output, next.body);
      expect(match, `${where} printed something else than ${file}:${next.line} shows:\n${output}`).toEqual({
        ok: true,
      });
    } else {
      expect(output, `${where} printed an error:\n${output}`).not.toContain('"error":{');
    }
    ran++;
  }
  return ran;
}

describe('the README and the agent protocol, run as a reader would', () => {
  it('runs every "run" block of the README in order against the server its "server" block starts, printing what the README shows', async () => {
    const server = await theServer();
    expect(await runBlocks('README.md', server.port)).toBeGreaterThan(0);
  }, 300_000);

  it('runs the walkthrough of docs/agent-protocol.md against the same server, printing what it shows', async () => {
    const server = await theServer();
    expect(await runBlocks('docs/agent-protocol.md', server.port)).toBeGreaterThan(0);
  }, 300_000);
});
