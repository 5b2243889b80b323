/**
 * One fault-suite agent, run as its own OS process so the harness can kill -9, SIGSTOP and
 * SIGCONT it like a real one: `node --import tsx faults/agent.ts --url … --name … --log …`.
 * The admin token comes from $FAULTS_ADMIN_TOKEN (kept out of `ps`).
 */
import { parseArgs } from 'node:util';
import { Api } from '../bench/lib/api';
import { AgentLogWriter } from './lib/agent-log';
import { AgentLoop } from './lib/agent-loop';
import { parseBehaviour, parseRange } from './lib/behaviour';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    name: { type: 'string' },
    capability: { type: 'string' },
    runtime: { type: 'string', default: 'faults' },
    concurrency: { type: 'string', default: '4' },
    behaviour: { type: 'string', default: 'ok' },
    delay: { type: 'string', default: '5-50' },
    log: { type: 'string' },
  },
  strict: true,
});

const required = (name: string, v: string | undefined): string => {
  if (!v) throw new Error(`faults agent: --${name} is required`);
  return v;
};
const adminToken = required('FAULTS_ADMIN_TOKEN (env)', process.env.FAULTS_ADMIN_TOKEN);
const name = required('name', values.name);
const loop = new AgentLoop(
  new Api(required('url', values.url)),
  {
    name,
    capability: required('capability', values.capability),
    runtime: values.runtime!,
    concurrency: Number(values.concurrency),
    behaviour: parseBehaviour(values.behaviour!),
    delayMs: parseRange(values.delay!),
    adminToken,
  },
  new AgentLogWriter(required('log', values.log), name),
);

process.once('SIGTERM', () => void loop.stop().finally(() => process.exit(0)));
// Ends only when stopping: the SIGTERM handler exits once deregistered.
loop.run().catch((err) => {
  process.stderr.write(`faults agent ${name}: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
