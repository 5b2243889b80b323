// `flightdeck start`: build if needed, then run the production server in the foreground.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import process from 'node:process';
import { ensureBuild, ROOT, serverCommand } from './build.mjs';
import { describeMode, waitForReady } from './ready.mjs';

const MAX_REPLICAS = 64;

export const START_HELP = `Usage: flightdeck start [--port N] [--replicas N]

Builds the app when .next/ is missing or older than the sources (app/ server/ components/ db/),
then runs the production server (server/http/serve.ts) in the foreground. Ctrl-C stops it.

Options:
  --port N        port to listen on (default: $PORT or 3000)
  --replicas N    run N server processes on local ports behind a built-in proxy on the port
                  (default 1: one process, no proxy); needs DATABASE_URL (PostgreSQL) and
                  should have REDIS_URL; the README's "Running replicas" tells more

Configuration comes from the environment (see README.md): DATABASE_URL and REDIS_URL for
production mode, FLIGHTDECK_ADMIN_TOKEN, FLIGHTDECK_ADMIN_PASSWORD, FLIGHTDECK_DATA_DIR, …`;

/** @param {string[]} args */
export async function start(args) {
  let port = process.env.PORT || '3000';
  let replicas = '1';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--port' || a === '-p') port = args[++i] ?? '';
    else if (a.startsWith('--port=')) port = a.slice('--port='.length);
    else if (a === '--replicas') replicas = args[++i] ?? '';
    else if (a.startsWith('--replicas=')) replicas = a.slice('--replicas='.length);
    else {
      process.stderr.write(`flightdeck start: unknown option ${a}\n\n${START_HELP}\n`);
      return 2;
    }
  }
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    process.stderr.write(`flightdeck start: invalid port "${port}"\n`);
    return 2;
  }
  if (!/^\d+$/.test(replicas) || Number(replicas) < 1 || Number(replicas) > MAX_REPLICAS) {
    process.stderr.write(`flightdeck start: --replicas takes a number from 1 to ${MAX_REPLICAS} (got "${replicas}")\n`);
    return 2;
  }
  if (Number(replicas) > 1 && !process.env.DATABASE_URL) {
    process.stderr.write(
      `flightdeck start: --replicas ${replicas} needs DATABASE_URL (PostgreSQL): the embedded database (PGlite) ` +
        'can be opened by one process only. Set DATABASE_URL (and REDIS_URL), or start without --replicas.\n',
    );
    return 2;
  }

  if (!(await ensureBuild({ out: process.stdout }))) return 1;
  if (Number(replicas) > 1) {
    // The launcher and its proxy are TypeScript, loaded in this process (no build step for them).
    const { tsImport } = await import('tsx/esm/api');
    const { launchReplicas } = await tsImport('../server/proxy/launch-replicas.ts', import.meta.url);
    return launchReplicas({ replicas: Number(replicas), port: Number(port) });
  }

  const server = serverCommand();
  const child = spawn(server.command, server.args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...server.env, PORT: port, NEXT_TELEMETRY_DISABLED: '1' },
  });
  let exited = false;
  // Needed when only we are signalled (`kill`, npm). A Ctrl-C also reaches the server straight
  // from the terminal: it counts repeats within a second as one request to stop.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (!exited) child.kill(sig);
    });
  }
  // `npm start` does not always pass a SIGTERM on to us: if our parent goes away, stop too.
  const parent = process.ppid;
  const orphanWatch = setInterval(() => {
    if (process.ppid !== parent && !exited) child.kill('SIGTERM');
  }, 1000);
  orphanWatch.unref();
  const done = new Promise((resolve) => {
    child.on('error', (err) => {
      exited = true;
      process.stderr.write(`flightdeck start: cannot run the server: ${err.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      exited = true;
      resolve(code ?? 128 + (constants.signals[signal] ?? 0));
    });
  });

  void waitForReady(`http://127.0.0.1:${port}`, {
    stillAlive: () => !exited,
    onWaiting: (why) => process.stdout.write(`  … waiting for the server to become ready (${why})\n`),
  }).then((r) => {
    if (exited) return;
    if (r.ready) {
      process.stdout.write(
        `\n  Flightdeck is ready (${describeMode(r.mode)})\n  Dashboard: http://localhost:${port}  (sign in as admin)\n\n`,
      );
    } else {
      process.stdout.write(`\n  Flightdeck did not become ready: ${r.why}. See the log above.\n\n`);
    }
  });

  return done;
}
