/**
 * `npm run test:faults`: kill, stop and restart real processes (agents, PostgreSQL, Redis)
 * under a running server while each scenario works through its tasks, then check the
 * invariants in SQL. Prints one row per scenario; exits 1 when any row fails.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Api } from '../bench/lib/api';
import type { LocalServer } from '../bench/lib/local-server';
import { Progress } from '../bench/lib/progress';
import { createScratchDatabase, Sql } from './lib/database';
import { hasLeaseColumn } from './lib/invariants';
import { formatReport } from './lib/report';
import type { ScenarioResult, Suite } from './lib/scenario';
import { startFaultServer } from './lib/server';
import { Services } from './lib/services';
import { SCENARIOS } from './scenarios';
import { intOption } from '../bench/lib/options';

const HELP = `Usage: npm run test:faults -- [options]

Options:
  --only NAME[,NAME]   run only these scenarios (see --list)
  --list               list the scenarios and exit
  --tasks N            tasks per scenario (default 2000)
  --rate N             tasks submitted per second (default 150)
  --json               print the results as JSON instead of the table
  --keep               keep the scratch database and agent logs
  -h, --help           this help

Needs PostgreSQL and Redis on this machine, controlled with pg_ctlcluster and redis-cli/redis-server
(DATABASE_URL / REDIS_URL, default postgres://postgres@127.0.0.1:5432/postgres and redis://127.0.0.1:6379).
Each run creates a database fd_faults_<random> and drops it at the end.`;

function options() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      list: { type: 'boolean', default: false },
      tasks: { type: 'string', default: '2000' },
      rate: { type: 'string', default: '150' },
      json: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const only =
    values.only
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? null;
  const unknown = only?.filter((n) => !SCENARIOS.some((s) => s.name === n)) ?? [];
  if (unknown.length)
    throw new Error(`unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  return {
    scenarios: only ? SCENARIOS.filter((s) => only.includes(s.name)) : SCENARIOS,
    list: values.list!,
    json: values.json!,
    keep: values.keep!,
    help: values.help!,
    tasks: intOption('tasks', values.tasks!, 100),
    rate: intOption('rate', values.rate!, 10),
  };
}

async function main(): Promise<number> {
  let opts: ReturnType<typeof options>;
  try {
    opts = options();
  } catch (err) {
    process.stderr.write(`test:faults: ${(err as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (opts.help || opts.list) {
    process.stdout.write(
      opts.help ? `${HELP}\n` : `${SCENARIOS.map((s) => `${s.name.padEnd(18)} ${s.summary}`).join('\n')}\n`,
    );
    return 0;
  }

  const progress = new Progress(!opts.json);
  const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const services = new Services(databaseUrl, redisUrl);
  const dir = mkdtempSync(path.join(tmpdir(), 'flightdeck-faults-'));
  let server: LocalServer | null = null;
  let sql: Sql | null = null;
  let drop: (() => Promise<void>) | null = null;
  let cleaned = false;
  // Whatever ends the run (an error, Ctrl-C), the machine's services come back and the scratch database goes.
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await server?.stop().catch(() => undefined);
    const restored = await services.ensureUp().catch((err: Error) => [`(failed: ${err.message})`]);
    if (restored.length) progress.note(`restored ${restored.join(', ')}`);
    await sql?.close();
    if (!opts.keep) {
      await drop?.().catch((err: Error) => progress.note(`could not drop the scratch database: ${err.message}`));
      rmSync(dir, { recursive: true, force: true });
    } else progress.note(`kept: agent logs in ${dir}, database ${sql?.url}`);
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => void cleanUp().finally(() => process.exit(130)));

  const results: ScenarioResult[] = [];
  let leaseColumn: boolean;
  try {
    await services.ensureUp();
    const db = await createScratchDatabase(databaseUrl);
    drop = db.drop;
    sql = new Sql(db.url);
    progress.note(`database ${db.name}; starting the server…`);
    server = await startFaultServer(db.url, redisUrl);
    leaseColumn = await hasLeaseColumn(sql);
    if (!leaseColumn)
      progress.note('warning: tasks.lease_expires_at does not exist yet; the state invariant does not check leases');
    const suite: Suite = {
      url: server.url,
      adminToken: server.token,
      api: new Api(server.url),
      sql,
      services,
      dir,
      progress,
      leaseColumn,
      serverAlive: () => serverAlive(server!),
      serverPid: server.pid,
      serverLog: () => server!.log(),
      runId: randomBytes(3).toString('hex'),
      tasks: opts.tasks,
      rate: opts.rate,
    };
    for (const scenario of opts.scenarios) {
      progress.note(`▶ ${scenario.name}: ${scenario.summary}`);
      const result = await scenario.run(suite);
      results.push(result);
      const restored = await services.ensureUp();
      if (restored.length) progress.note(`  restored ${restored.join(', ')} after ${scenario.name}`);
      if (!serverAlive(server)) {
        progress.note(`the server exited during ${scenario.name}; its output:\n${server.log().slice(-4000)}`);
        break;
      }
    }
  } catch (err) {
    progress.note(`test:faults: ${(err as Error).stack ?? String(err)}`);
    if (server) progress.note(`server output:\n${server.log().slice(-4000)}`);
    await cleanUp();
    return 1;
  }
  await cleanUp();

  const ran = new Set(results.map((r) => r.scenario));
  const skipped = opts.scenarios.filter((s) => !ran.has(s.name));
  const pass = skipped.length === 0 && results.length > 0 && results.every((r) => r.pass);
  if (opts.json)
    process.stdout.write(
      `${JSON.stringify({ pass, leaseColumn, results, skipped: skipped.map((s) => s.name) }, null, 2)}\n`,
    );
  else process.stdout.write(`${formatReport(results, { leaseColumn, skipped: skipped.map((s) => s.name) })}\n`);
  return pass ? 0 : 1;
}

function serverAlive(server: LocalServer): boolean {
  try {
    process.kill(server.pid, 0);
    return true;
  } catch {
    return false;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`test:faults: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
