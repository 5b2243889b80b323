// Decides whether the Next build in .next/ is current and, when it is not, runs `next build`
// quietly behind a one-line progress indicator. Shared by `flightdeck start` and the bench.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding package.json). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the build is made of: these folders, recursively, and these top-level files. */
const SOURCE_DIRS = ['app', 'server', 'components', 'db'];
const SOURCE_FILES = ['instrumentation.ts', 'proxy.ts', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json'];
/** Tests are not part of the bundle: editing one must not force a rebuild. */
const NOT_BUILT = /\.(test|spec)\.[cm]?[jt]sx?$/;

/** Path to a binary installed in node_modules/.bin (never npx: killing npx orphans the server). */
export const bin = (name, root = ROOT) => path.join(root, 'node_modules', '.bin', name);

const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
};

/** The newest source file: `{ file, mtimeMs }`, or null when there is none. */
function newestSource(root) {
  let newest = null;
  const consider = (file) => {
    const m = mtime(file);
    if (m !== null && (!newest || m > newest.mtimeMs)) newest = { file, mtimeMs: m };
  };
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && !NOT_BUILT.test(e.name)) consider(full);
    }
  };
  for (const d of SOURCE_DIRS) walk(path.join(root, d));
  for (const f of SOURCE_FILES) consider(path.join(root, f));
  return newest;
}

/**
 * Whether `.next/BUILD_ID` exists and is newer than every source file.
 * @returns {{ fresh: boolean, reason: string }}
 */
export function buildStatus(root = ROOT) {
  const built = mtime(path.join(root, '.next', 'BUILD_ID'));
  if (built === null) return { fresh: false, reason: 'no build yet' };
  const newest = newestSource(root);
  if (newest && newest.mtimeMs > built) {
    return { fresh: false, reason: `${path.relative(root, newest.file)} changed since the last build` };
  }
  return { fresh: true, reason: 'the build is up to date' };
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Runs `next build` with its output captured; shows elapsed seconds on `out` and prints the
 * captured log only when the build fails.
 * @param {{ root?: string, out?: NodeJS.WriteStream, reason?: string }} [opts]
 * @returns {Promise<{ ok: boolean, seconds: number }>}
 */
export function runBuild({ root = ROOT, out = process.stdout, reason = '' } = {}) {
  const started = Date.now();
  const elapsed = () => Math.round((Date.now() - started) / 1000);
  const label = `Building Flightdeck (next build${reason ? `: ${reason}` : ''})`;
  const tty = Boolean(out.isTTY);
  let frame = 0;
  let nextReport = 15;
  const draw = () => out.write(`\r${FRAMES[frame++ % FRAMES.length]} ${label} ${elapsed()}s `);
  if (tty) draw();
  else out.write(`${label}…\n`);
  const timer = setInterval(
    () => {
      if (tty) draw();
      else if (elapsed() >= nextReport) {
        out.write(`  still building (${elapsed()}s)\n`);
        nextReport += 15;
      }
    },
    tty ? 100 : 1000,
  );

  const chunks = [];
  return new Promise((resolve) => {
    const child = spawn(bin('next', root), ['build'], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    const finish = (ok, extra = '') => {
      clearInterval(timer);
      const seconds = (Date.now() - started) / 1000;
      if (tty) out.write('\r\x1b[2K');
      if (ok) {
        out.write(`✓ Built in ${seconds.toFixed(1)}s\n`);
      } else {
        out.write(`✗ next build failed after ${seconds.toFixed(1)}s${extra}. Its output:\n\n`);
        out.write(Buffer.concat(chunks).toString());
        out.write('\n');
      }
      resolve({ ok, seconds });
    };
    child.on('error', (err) => finish(false, ` (${err.message})`));
    child.on('close', (code, signal) => finish(code === 0, code === 0 ? '' : ` (${signal ?? `exit code ${code}`})`));
  });
}

/**
 * Builds only when the build is missing or stale.
 * @param {{ root?: string, out?: NodeJS.WriteStream }} [opts]
 * @returns {Promise<boolean>} whether a usable build exists afterwards
 */
export async function ensureBuild({ root = ROOT, out = process.stdout } = {}) {
  const status = buildStatus(root);
  if (status.fresh) return true;
  const { ok } = await runBuild({ root, out, reason: status.reason });
  return ok;
}

/**
 * The production server: Next for pages, the tRPC API answered directly by Node
 * (server/http/serve.ts). Every launcher (start, bench, e2e) runs this same command.
 */
export function serverCommand(root = ROOT) {
  return {
    command: process.execPath,
    args: ['--import', 'tsx', path.join(root, 'server', 'http', 'serve.ts')],
    env: { NODE_ENV: 'production' },
  };
}
