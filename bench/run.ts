/**
 * `npm run bench`: registration latency and end-to-end throughput of Flightdeck over real HTTP.
 * Without --url it starts the built server itself (embedded mode, or production mode when
 * DATABASE_URL / REDIS_URL are set), runs the scenarios, prints a table and saves the results.
 * Exit code 0 even below a floor (this is a report); non-zero when the run itself broke.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../cli/build.mjs';
import { describeMode, waitForReady } from '../cli/ready.mjs';
import { Api } from './lib/api';
import { measureBaseline } from './lib/baseline';
import { startLocalServer, type LocalServer } from './lib/local-server';
import { Progress } from './lib/progress';
import { benchRegistration } from './lib/registration';
import { FLOORS, formatTable, rowsFor, saveReport, type BenchReport } from './lib/report';
import { benchThroughput } from './lib/throughput';
import { benchDecisionScales, decisionRows } from './lib/decision';
import { intOption } from './lib/options';

const HELP = `Usage: npm run bench -- [options]

Options:
  --json                 print one JSON object on stdout instead of the table
  --url URL              benchmark a running server (default: start one on a free port)
  --token TOKEN          admin API token for --url (default: $FLIGHTDECK_ADMIN_TOKEN)
  --agents N             HTTP agents in the throughput scenario (default 100)
  --concurrency N        tasks each agent runs at once (its maxConcurrency, default 4)
  --tasks N              tasks in the throughput scenario (default 5000)
  --registrations N      sequential registrations to time (default 1000)
  -h, --help             this help

Without --url, DATABASE_URL and REDIS_URL (when set) are passed to the server it starts:
then PostgreSQL + Redis are benchmarked instead of embedded PGlite.
Results are saved to bench/results/<timestamp>.json.`;

const BATCH = 500;
const WARMUP = 20;

function options() {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      url: { type: 'string' },
      token: { type: 'string' },
      agents: { type: 'string', default: '100' },
      concurrency: { type: 'string', default: '4' },
      tasks: { type: 'string', default: '5000' },
      registrations: { type: 'string', default: '1000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  return {
    json: values.json!,
    help: values.help!,
    url: values.url?.replace(/\/+$/, ''),
    token: values.token ?? process.env.FLIGHTDECK_ADMIN_TOKEN,
    agents: intOption('agents', values.agents!, 1),
    concurrency: intOption('concurrency', values.concurrency!, 1),
    tasks: intOption('tasks', values.tasks!, 1),
    registrations: intOption('registrations', values.registrations!, 0),
  };
}

async function main(): Promise<number> {
  let opts: ReturnType<typeof options>;
  try {
    opts = options();
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (opts.url && !opts.token) {
    process.stderr.write('bench: --url needs an admin token: --token TOKEN or FLIGHTDECK_ADMIN_TOKEN\n');
    return 2;
  }

  const progress = new Progress(!opts.json);
  const say = (line: string) => progress.note(line);
  const startedAt = new Date().toISOString();
  const runId = randomBytes(4).toString('hex');
  let server: LocalServer | null = null;
  let stopping: Promise<void> | null = null;
  const stopServer = () => (stopping ??= server ? server.stop() : Promise.resolve());
  let interrupted = false;
  // Ctrl-C reaches us twice (from the terminal and forwarded by cli/bin.mjs): act once.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (interrupted) return;
      interrupted = true;
      progress.done();
      process.stderr.write(`\nbench: ${sig}, stopping${server ? ' the server' : ''}…\n`);
      void stopServer().finally(() => process.exit(130));
    });
  }

  try {
    let url: string;
    let token: string;
    let mode: BenchReport['mode'] = null;
    if (opts.url) {
      const ready = await waitForReady(opts.url, { timeoutMs: 15_000 });
      if (!ready.ready) throw new Error(`${opts.url} is not ready: ${ready.why}`);
      ({ url, token } = { url: opts.url, token: opts.token! });
      mode = ready.mode ?? null;
      say(`Benchmarking ${url} (${describeMode(mode)})`);
    } else {
      const storage = process.env.DATABASE_URL
        ? `DATABASE_URL is set: PostgreSQL${process.env.REDIS_URL ? ' + Redis' : ''} (bench agents and tasks are written to that database)`
        : 'embedded PGlite in a fresh temporary data directory';
      say(`Starting a server (${storage}, no demo fleet)…`);
      server = await startLocalServer();
      ({ url, token } = server);
      mode = server.mode ?? null;
      say(`Server ${url} ready, pid ${server.pid}: ${describeMode(mode)}`);
    }
    const api = new Api(url);
    const baseline = await measureBaseline();
    say(
      `Machine baseline: bare node:http round trip ${baseline.roundTripP50Ms} ms, ${baseline.cpuMsPerRequest} ms CPU per request`,
    );

    let registration = null;
    if (opts.registrations > 0) {
      say(`Registration: ${opts.registrations} sequential agents.register calls (after ${WARMUP} warm-up calls)`);
      registration = await benchRegistration(
        api,
        token,
        { count: opts.registrations, warmup: WARMUP, runId },
        progress,
      );
    }

    say(
      `Throughput: ${opts.agents} HTTP agents (maxConcurrency ${opts.concurrency} each), ${opts.tasks} tasks submitted in batches of ${BATCH}`,
    );
    const throughput = await benchThroughput(
      api,
      token,
      {
        agents: opts.agents,
        concurrency: opts.concurrency,
        tasks: opts.tasks,
        batch: BATCH,
        runId,
        serverPid: server?.pid ?? null,
        stallMs: 60_000,
      },
      progress,
    );
    const notSucceeded = Object.entries(throughput.verified).filter(([s]) => s !== 'succeeded');
    if (notSucceeded.length || (throughput.verified.succeeded ?? 0) !== opts.tasks) {
      throw new Error(`not every task succeeded according to tasks.get: ${JSON.stringify(throughput.verified)}`);
    }
    await stopServer();

    // In process, after the server stopped, so nothing else competes for the CPU.
    say('Routing decisions: 100 / 1,000 / 10,000 synthetic agents across 50 capabilities, in process');
    const decisionBar = progress.bar('decisions', 3 * 2 * 2_000);
    const decisions = benchDecisionScales({ decisions: 2_000, seed: 1, progress: (done) => decisionBar.update(done) });
    progress.done();

    const rows = [...rowsFor(baseline, registration, throughput), ...decisionRows(decisions)];
    const report: BenchReport = {
      startedAt,
      finishedAt: new Date().toISOString(),
      target: opts.url ? 'url' : 'local',
      url,
      mode,
      machine: { cores: throughput.cpu.cores, node: process.version, platform: `${process.platform}-${process.arch}` },
      options: {
        agents: opts.agents,
        concurrency: opts.concurrency,
        tasks: opts.tasks,
        registrations: opts.registrations,
        batch: BATCH,
      },
      baseline,
      registration,
      throughput,
      decisions,
      floors: FLOORS,
      rows,
      pass: rows.every((r) => r.result !== 'FAIL'),
    };
    const file = saveReport(path.join(ROOT, 'bench', 'results'), report);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ ...report, resultFile: path.relative(ROOT, file) })}\n`);
    } else {
      process.stdout.write(
        `\nFlightdeck bench — ${describeMode(mode)}, ${report.machine.cores} cores, Node ${process.version}\n\n`,
      );
      process.stdout.write(`${formatTable(rows)}\n\n`);
      if (throughput.agentErrors || throughput.redeliveries) {
        const kinds = Object.entries(throughput.errorKinds)
          .map(([k, n]) => `${n}× ${k}`)
          .join(', ');
        process.stdout.write(
          `Agent errors (retried or re-polled): ${throughput.agentErrors}${kinds ? ` (${kinds})` : ''}; redeliveries: ${throughput.redeliveries}\n`,
        );
      }
      process.stdout.write(
        `${report.pass ? 'All floors met.' : 'Below a floor (see FAIL rows); this is a report, not a gate.'}\n`,
      );
      process.stdout.write(`Saved ${path.relative(ROOT, file)}\n`);
    }
    return 0;
  } catch (err) {
    if (interrupted) return 130;
    progress.done();
    const log = (server as LocalServer | null)?.log();
    process.stderr.write(`\nbench: the run broke: ${(err as Error).message}\n`);
    if (log) process.stderr.write(`\nLast server output:\n${log.slice(-8000)}\n`);
    return 1;
  } finally {
    await stopServer();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`bench: ${(err as Error)?.stack ?? err}\n`);
    process.exit(1);
  },
);
