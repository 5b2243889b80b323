#!/usr/bin/env node
// The `flightdeck` command. Plain JavaScript so it runs before anything is built; the bench
// and the data commands, written in TypeScript, run through tsx.
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
            (--replicas N: N server processes behind a built-in proxy, on PostgreSQL)
  test      eslint, prettier, tsc, vitest, next build, playwright; ends with "N passed, N failed"
  agent     run a coding CLI (claude, gemini, codex, aider, shell) as an agent of a server
            (on a host without this checkout: npm install -g <server>/api/agent/package.tgz,
            then flightdeck-agent; npx flightdeck there is an unrelated package)
  bench     registration latency and end-to-end throughput over real HTTP
  backup    FILE: a consistent copy of the embedded database (also while the server runs)
  restore   FILE: replace the embedded database with a backup (server stopped)
  export    FILE: every row in a portable format (the way to PostgreSQL)
  import    FILE: load an export into an empty database (DATABASE_URL, or the data directory)
  help      show this help (also: flightdeck <command> --help)

npm scripts: npm start, npm test, npm run bench -- [options]`;

const wantsHelp = (args) => args.includes('--help') || args.includes('-h');

/** A TypeScript entry point (the bench, the data commands) in a child Node process, via the tsx loader. */
function runTs(name, file, args) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, file), ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  return new Promise((resolve) => {
    child.on('error', (err) => {
      process.stderr.write(`flightdeck ${name}: ${err.message}\n`);
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
      return runTs('bench', path.join('bench', 'run.ts'), args);
    case 'backup':
    case 'restore':
    case 'export':
    case 'import':
      // It runs in ROOT like the server (same default data directory); FILE is relative to here.
      return runTs(command, path.join('server', 'data', 'cli.ts'), [command, process.cwd(), ...args]);
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
