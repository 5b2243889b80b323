#!/usr/bin/env node
// The `flightdeck` command. Plain JavaScript so it runs before anything is built; the bench,
// written in TypeScript, runs through tsx.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { ROOT } from './build.mjs';

const HELP = `flightdeck — control plane for fleets of AI coding agents

Usage: flightdeck <command> [options]

Commands:
  start     build if needed, then run the server (dashboard + API) on $PORT or 3000
  test      eslint, tsc, vitest, next build, playwright; ends with "N passed, N failed"
  agent     run a coding CLI (claude, gemini, codex, aider, shell) as an agent of a server
            (on a host without this checkout: npm install -g <server>/api/agent/package.tgz,
            then flightdeck-agent; npx flightdeck there is an unrelated package)
  bench     registration latency and end-to-end throughput over real HTTP
  help      show this help (also: flightdeck <command> --help)

npm scripts: npm start, npm test, npm run bench -- [options]`;

const wantsHelp = (args) => args.includes('--help') || args.includes('-h');

/** `flightdeck bench`: bench/run.ts in this Node process's sibling, via the tsx loader. */
function bench(args) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'run.ts'), ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  return new Promise((resolve) => {
    child.on('error', (err) => {
      process.stderr.write(`flightdeck bench: ${err.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}

async function main(argv) {
  const [command, ...args] = argv;
  switch (command) {
    case 'start': {
      const { start, START_HELP } = await import('./start.mjs');
      if (wantsHelp(args)) {
        console.log(START_HELP);
        return 0;
      }
      return start(args);
    }
    case 'test': {
      const { test, TEST_HELP } = await import('./test.mjs');
      if (wantsHelp(args)) {
        console.log(TEST_HELP);
        return 0;
      }
      return test(args);
    }
    case 'agent': {
      const { agent } = await import('./agent.mjs');
      return agent(args);
    }
    case 'bench':
      return bench(args);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    case '--version':
    case '-v':
      console.log(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
      return 0;
    default:
      process.stderr.write(`flightdeck: unknown command "${command}"\n\n${HELP}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code ?? 0),
  (err) => {
    process.stderr.write(`flightdeck: ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
