// `flightdeck agent`: agent/main.ts (TypeScript) through the tsx loader, in a child process.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { ROOT } from './build.mjs';

/**
 * Runs the agent worker with the caller's working directory (it is the default --workdir).
 * Signals are forwarded; the worker stays in our process group so a kill of the group reaches
 * it too (it counts a signal arriving both ways at once as one: the first drains, a second
 * stops at once).
 */
export function agent(args) {
  // tsx resolved from here, not from the caller's directory (which need not have it).
  const child = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'agent', 'main.ts'), ...args],
    {
      stdio: 'inherit',
      env: process.env,
    },
  );
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  return new Promise((resolve) => {
    child.on('error', (err) => {
      process.stderr.write(`flightdeck agent: ${err.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}
