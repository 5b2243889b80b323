import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ADAPTER_NAMES, type AdapterName } from './adapters/adapter';
import { SHELL_PROTOCOL } from './adapters/shell';

export interface WorkerOptions {
  url: string;
  token: string;
  adapter: AdapterName;
  capabilities: string[];
  concurrency: number;
  workdir: string;
  name: string;
  labels: Record<string, string>;
  shellCommand?: string;
  cliPath?: string;
  cliArgs: string[];
  contextWindow?: number;
  stallAfterMs: number;
  drainTimeoutMs: number;
  logLevel: string;
  /** How long one `work.poll` waits on the server for a task. */
  pollWaitMs: number;
}

export type AgentCommand = { kind: 'help' } | { kind: 'detect' } | { kind: 'run'; options: WorkerOptions };

/** A bad flag or value: the message names the flag; the CLI exits 2. */
export class UsageError extends Error {}

export const AGENT_HELP = `flightdeck agent — run a coding CLI as a Flightdeck agent

Usage: flightdeck agent --url URL --token TOKEN --adapter NAME [options]
       flightdeck agent --detect

Options (environment fallback in brackets):
  --url URL              Flightdeck server, e.g. https://flightdeck.example.com [FLIGHTDECK_URL]
  --token TOKEN          agent token (fda_…), or an admin token to enrol with [FLIGHTDECK_TOKEN]
  --adapter NAME         ${ADAPTER_NAMES.join(' | ')} [FLIGHTDECK_ADAPTER]
  --capabilities a,b     capabilities to register with [FLIGHTDECK_CAPABILITIES]
  --concurrency N        tasks at a time (default 1) [FLIGHTDECK_CONCURRENCY]
  --workdir DIR          where the CLI runs (default: current directory) [FLIGHTDECK_WORKDIR]
  --name NAME            agent name (default: <hostname>-<adapter>) [FLIGHTDECK_AGENT_NAME]
  --label k=v            a label to register with (repeatable)
  --command TEMPLATE     shell adapter: command run with /bin/sh -c [FLIGHTDECK_SHELL_COMMAND]
  --cli-path PATH        the CLI executable (default: the adapter's command on PATH)
  --cli-arg=ARG          an extra argument for the CLI (repeatable; use = for values starting with -)
  --context-window N     tokens in the model's context window (default: what the CLI reports)
  --stall-after SECONDS  report "stalled" after this long without output (default 120)
  --drain-timeout SECS   on SIGTERM, let running tasks finish this long (default 30)
  --log-level LEVEL      trace | debug | info | warn | error | silent (default info)
  --detect               list the installed coding CLIs and their versions
  -h, --help             show this help

Shell adapter output protocol (one per line; other lines are streamed as progress):
  ${SHELL_PROTOCOL.join('\n  ')}`;

const wholeNumber = (min: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`);

// Keys are flag names, so a zod issue's path names the flag to blame.
const Flags = z.object({
  url: z.string({ error: 'is required' }).regex(/^https?:\/\/[^\s/]+/, 'must be an http(s) URL'),
  token: z.string({ error: 'is required' }).min(1, 'is required'),
  adapter: z.enum(ADAPTER_NAMES, { error: `must be one of ${ADAPTER_NAMES.join(', ')}` }),
  capabilities: z.string().default(''),
  concurrency: wholeNumber(1).max(64, 'must be at most 64').default(1),
  workdir: z.string().min(1),
  name: z
    .string()
    .regex(/^[\w.:@/-]{1,128}$/, 'may contain letters, digits and . _ - : @ / only')
    .optional(),
  label: z.array(z.string().regex(/^[^=]{1,64}=.{0,256}$/, 'must be key=value')).default([]),
  command: z.string().min(1, 'must not be empty').optional(),
  'cli-path': z.string().min(1).optional(),
  'cli-arg': z.array(z.string()).default([]),
  'context-window': wholeNumber(1).optional(),
  'stall-after': wholeNumber(1).default(120),
  'drain-timeout': wholeNumber(0).default(30),
  'log-level': z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
});

const ENV: Record<string, string> = {
  url: 'FLIGHTDECK_URL',
  token: 'FLIGHTDECK_TOKEN',
  adapter: 'FLIGHTDECK_ADAPTER',
  capabilities: 'FLIGHTDECK_CAPABILITIES',
  concurrency: 'FLIGHTDECK_CONCURRENCY',
  workdir: 'FLIGHTDECK_WORKDIR',
  name: 'FLIGHTDECK_AGENT_NAME',
  command: 'FLIGHTDECK_SHELL_COMMAND',
};

export function parseAgentArgs(
  argv: string[],
  env: Record<string, string | undefined>,
  host: { hostname: string; cwd: string },
): AgentCommand {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(
          Object.keys(Flags.shape).map((k) => [
            k,
            { type: 'string' as const, multiple: k === 'label' || k === 'cli-arg' },
          ]),
        ),
        detect: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return { kind: 'help' };
  if (values.detect) return { kind: 'detect' };

  const raw: Record<string, unknown> = { ...values };
  for (const [flag, variable] of Object.entries(ENV))
    if (raw[flag] === undefined && env[variable]) raw[flag] = env[variable];
  raw.workdir ??= host.cwd;
  const parsed = Flags.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${String(issue.path[0])}: ${issue.message}`);
  }
  const f = parsed.data;
  if (f.adapter === 'shell' && !f.command)
    throw new UsageError('--command: the shell adapter needs a command template (or FLIGHTDECK_SHELL_COMMAND)');
  return {
    kind: 'run',
    options: {
      url: f.url,
      token: f.token,
      adapter: f.adapter,
      capabilities: f.capabilities
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      concurrency: f.concurrency,
      workdir: path.resolve(host.cwd, f.workdir),
      name: f.name ?? `${host.hostname}-${f.adapter}`.replace(/[^\w.:@/-]/g, '-').slice(0, 128),
      labels: Object.fromEntries(f.label.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])),
      shellCommand: f.command,
      cliPath: f['cli-path'],
      cliArgs: [...(env.FLIGHTDECK_CLI_ARGS?.split(/\s+/).filter(Boolean) ?? []), ...f['cli-arg']],
      contextWindow: f['context-window'],
      stallAfterMs: f['stall-after'] * 1000,
      drainTimeoutMs: f['drain-timeout'] * 1000,
      logLevel: f['log-level'],
      pollWaitMs: 25_000,
    },
  };
}
