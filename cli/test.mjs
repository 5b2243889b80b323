// `flightdeck test`: lint, type-check, unit/integration tests, build, end-to-end tests, in that
// order, stopping at the first failure. The last line is always "N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { bin, ROOT } from './build.mjs';
import { ensureChromium } from './chromium.mjs';
import { tallyRun } from './tally.mjs';

export const TEST_HELP = `Usage: flightdeck test

Runs, stopping at the first failure:
  1. eslint .          2. prettier --check .  3. tsc --noEmit
  4. find Chromium (installs Debian's package when none is found and it runs as root)
  5. next build        6. vitest run          7. playwright test
and ends with a line "N passed, N failed" (vitest + Playwright totals).

The build comes before vitest because some integration tests start the built server.

Embedded mode by default; with DATABASE_URL and REDIS_URL set, the same suites run against
PostgreSQL and Redis.`;

const TAIL_BYTES = 256 * 1024;
let current = null;

/** Runs a command with its output shown live and the tail kept for summary parsing. */
function run(cmd, args, env) {
  return new Promise((resolve) => {
    let tail = '';
    const keep = (chunk, stream) => {
      stream.write(chunk);
      tail = (tail + chunk.toString()).slice(-TAIL_BYTES);
    };
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    current = child;
    child.stdout.on('data', (c) => keep(c, process.stdout));
    child.stderr.on('data', (c) => keep(c, process.stderr));
    child.on('error', (err) => {
      tail += `\n${err.message}\n`;
      process.stderr.write(`cannot run ${cmd}: ${err.message}\n`);
    });
    child.on('close', (code, signal) => {
      current = null;
      resolve({ code: code ?? 1, signal, output: tail });
    });
  });
}

export async function test(args) {
  if (args.length) {
    process.stderr.write(`flightdeck test: unexpected arguments ${args.join(' ')}\n\n${TEST_HELP}\n`);
    return 2;
  }
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      current?.kill(sig);
      process.exitCode = 130;
    });
  }
  const reports = mkdtempSync(path.join(tmpdir(), 'flightdeck-test-'));
  const vitestReport = path.join(reports, 'vitest.json');
  const playwrightReport = path.join(reports, 'playwright.json');
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    // Output goes through a pipe: keep colours when a person is watching.
    ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
  };
  const mode = process.env.DATABASE_URL ? `PostgreSQL${process.env.REDIS_URL ? ' + Redis' : ''}` : 'embedded (PGlite)';
  const steps = [
    { name: 'eslint', cmd: bin('eslint'), args: ['.'] },
    { name: 'prettier', cmd: bin('prettier'), args: ['--check', '.'] },
    { name: 'tsc', cmd: bin('tsc'), args: ['--noEmit'] },
    { name: 'chromium', task: findBrowser },
    { name: 'next build', cmd: bin('next'), args: ['build'] },
    {
      name: 'vitest',
      cmd: bin('vitest'),
      args: ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`],
      tally: 'vitest',
      report: vitestReport,
    },
    {
      name: 'playwright',
      cmd: bin('playwright'),
      args: ['test', '--reporter=list,json'],
      tally: 'playwright',
      report: playwrightReport,
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
      needs: ['playwright.config.ts', 'playwright.config.mts', 'playwright.config.js', 'playwright.config.mjs'],
    },
  ];

  const totals = { passed: 0, failed: 0 };
  const timings = [];
  let failedStep = null;
  process.stdout.write(`flightdeck test: ${mode}\n`);
  for (const step of steps) {
    process.stdout.write(
      step.task ? `\n━━ ${step.name}\n` : `\n━━ ${step.name}: ${path.basename(step.cmd)} ${step.args.join(' ')}\n`,
    );
    const started = Date.now();
    let result;
    if (step.task) {
      result = await step.task(env);
    } else if (step.needs && !step.needs.some((f) => existsSync(path.join(ROOT, f)))) {
      // Without a config Playwright would collect every *.test.ts, vitest's included.
      process.stderr.write(`${step.needs[0]} is missing: there are no end-to-end tests to run\n`);
      result = { code: 1, output: '' };
    } else {
      rmSync(step.report ?? path.join(reports, 'none'), { force: true });
      result = await run(step.cmd, step.args, { ...env, ...step.env });
    }
    const seconds = (Date.now() - started) / 1000;
    const ok = result.code === 0;
    timings.push(`${ok ? '✓' : '✗'} ${step.name} ${seconds.toFixed(1)}s`);
    if (step.tally) {
      const t = tallyRun(step.tally, step.report, result.output) ?? { passed: 0, failed: 0 };
      totals.passed += t.passed;
      // A runner that failed without a failing test (crash, unhandled error, server that did
      // not start) still counts as one failure, so the last line never reads "0 failed" then.
      totals.failed += !ok && t.failed === 0 ? 1 : t.failed;
    }
    if (!ok) {
      failedStep = step.name;
      break;
    }
    if (process.exitCode) break; // interrupted
  }
  rmSync(reports, { recursive: true, force: true });

  process.stdout.write(`\n${timings.join('   ')}\n`);
  process.stdout.write(
    failedStep
      ? `flightdeck test: FAILED at ${failedStep} (${mode})\n`
      : `flightdeck test: all steps passed (${mode})\n`,
  );
  process.stdout.write(`${totals.passed} passed, ${totals.failed} failed\n`);
  return failedStep ? 1 : process.exitCode || 0;
}

/** Finds (or installs) Chromium and hands its path to Playwright through the environment. */
async function findBrowser(env) {
  const browser = await ensureChromium({ env });
  if (!browser.ok) {
    process.stderr.write(`flightdeck test: ${browser.why}\n`);
    return { code: 1, output: '' };
  }
  env.FLIGHTDECK_CHROMIUM = browser.path;
  process.stdout.write(`Chromium: ${browser.path} (${browser.source})\n`);
  return { code: 0, output: '' };
}
