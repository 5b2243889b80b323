import os from 'node:os';
import { detectClis, formatDetection } from './detect';
import { AGENT_HELP, parseAgentArgs, UsageError } from './options';
import { runWorker } from './worker';

/** `flightdeck agent`: argv and environment → help, CLI detection, or a worker until stopped. */
async function main(): Promise<number> {
  let command;
  try {
    command = parseAgentArgs(process.argv.slice(2), process.env, { hostname: os.hostname(), cwd: process.cwd() });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`flightdeck agent: ${err.message}\nRun "flightdeck agent --help" for the options.\n`);
    return 2;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${AGENT_HELP}\n`);
    return 0;
  }
  if (command.kind === 'detect') {
    process.stdout.write(`${formatDetection(await detectClis())}\n`);
    return 0;
  }
  // First SIGINT/SIGTERM drains; a second one stops at once (after releasing the tasks). One
  // signal can arrive twice at once (sent to the process group and forwarded by cli/agent.mjs):
  // only one at least a second later counts as a second.
  const drain = new AbortController();
  const force = new AbortController();
  let firstAt = 0;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (!drain.signal.aborted) {
        firstAt = Date.now();
        drain.abort();
      } else if (Date.now() - firstAt >= 1000) force.abort();
    });
  }
  const exit = await runWorker(command.options, drain.signal, { force: force.signal });
  if (exit.code !== 0) process.stderr.write(`flightdeck agent: ${exit.reason}\n`);
  return exit.code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`flightdeck agent: ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
