// Finds a Chromium for the browser tests, and installs Debian's when none is found and this
// process may (root, apt-get). Playwright must never download a browser here: no internet.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];

export const INSTALL_HINT =
  'no Chromium for the browser tests: run `sudo apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set FLIGHTDECK_CHROMIUM to a Chromium binary, then run npm test again';

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Where Playwright keeps its own Chromium, when `npx playwright install chromium` put one there. */
function playwrightsOwn() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const file = chromium.executablePath();
    return file && executable(file) ? file : null;
  } catch {
    return null;
  }
}

/** @typedef {{ own?: () => string | null, systemPaths?: string[] }} Probe */
/** @typedef {Record<string, string | undefined>} Env */

/**
 * The Chromium to use: FLIGHTDECK_CHROMIUM, else Playwright's own, else the system's.
 * @param {Env} [env]
 * @param {Probe} [probe]
 * @returns {{ path: string, source: string } | null}
 */
export function findChromium(env = process.env, { own = playwrightsOwn, systemPaths = SYSTEM_PATHS } = {}) {
  if (env.FLIGHTDECK_CHROMIUM) {
    return executable(env.FLIGHTDECK_CHROMIUM)
      ? { path: env.FLIGHTDECK_CHROMIUM, source: 'FLIGHTDECK_CHROMIUM' }
      : null;
  }
  const ownPath = own();
  if (ownPath) return { path: ownPath, source: "Playwright's own" };
  const system = systemPaths.find(executable);
  return system ? { path: system, source: 'system package' } : null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const hasAptGet = () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

/** Runs a command quietly: a line every 10 s while it works, its captured output only when it fails. */
function run(cmd, args, out) {
  const started = Date.now();
  const ticker = setInterval(
    () => out.write(`  … ${cmd} ${args[0]} (${Math.round((Date.now() - started) / 1000)}s)\n`),
    10_000,
  );
  return new Promise((resolve) => {
    let log = '';
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.stdout.on('data', (c) => (log += c));
    child.stderr.on('data', (c) => (log += c));
    const done = (code) => {
      clearInterval(ticker);
      if (code !== 0) out.write(`${cmd} ${args.join(' ')} failed (exit ${code}):\n${log.slice(-8000)}\n`);
      resolve(code);
    };
    child.on('error', (err) => {
      log += err.message;
      done(1);
    });
    child.on('close', (code) => done(code ?? 1));
  });
}

/**
 * A usable Chromium, installing Debian's package when none is found and we are root with apt-get.
 * @param {{ out?: { write(s: string | Uint8Array): unknown }, env?: Env, probe?: Probe, mayInstall?: () => boolean }} [opts]
 * @returns {Promise<{ ok: true, path: string, source: string } | { ok: false, why: string }>}
 */
export async function ensureChromium({
  out = process.stdout,
  env = process.env,
  probe = undefined,
  mayInstall = () => process.platform === 'linux' && isRoot() && hasAptGet(),
} = {}) {
  const found = findChromium(env, probe);
  if (found) return { ok: true, ...found };
  if (env.FLIGHTDECK_CHROMIUM)
    return { ok: false, why: `FLIGHTDECK_CHROMIUM=${env.FLIGHTDECK_CHROMIUM} is not an executable file` };
  if (!mayInstall()) return { ok: false, why: INSTALL_HINT };
  out.write("No Chromium found: installing Debian's package (apt-get install -y chromium)…\n");
  // A fresh machine may have no package lists yet: update once, then try again.
  const started = Date.now();
  if ((await run('apt-get', ['install', '-y', 'chromium'], out)) !== 0) {
    out.write('  retrying after apt-get update\n');
    await run('apt-get', ['update'], out);
    await run('apt-get', ['install', '-y', 'chromium'], out);
  }
  out.write(`  done in ${Math.round((Date.now() - started) / 1000)}s\n`);
  const installed = findChromium(env, probe);
  return installed
    ? { ok: true, ...installed, source: 'system package, just installed' }
    : { ok: false, why: `installing chromium with apt-get failed (see above); ${INSTALL_HINT}` };
}
