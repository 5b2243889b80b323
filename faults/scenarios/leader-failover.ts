import { Api } from '../../bench/lib/api';
import type { BuiltServer } from '../../server/testing/built-server';
import {
  clusterLoopsSince,
  listReplicas,
  readLease,
  samplesBetween,
  termsAfter,
  waitForLeader,
  type LeaseRow,
} from '../lib/cluster-lease';
import { countIn, logLine, logSince, resume } from '../lib/server-log';
import { check, type Check, type Scenario, type ScenarioResult } from '../lib/scenario';
import { runScenario, type RunContext } from '../lib/scenario-run';
import { startReplica } from '../lib/server';
import { seconds } from '../lib/table';
import { sleep, until } from '../lib/wait';

const NAME = 'leader-failover';
const AGENTS = 8;
const TAKEOVER_WITHIN_MS = 10_000;
/** How long the cluster loops get to show a decision and a sample on a new leader (sampler: every 5 s). */
const LOOPS_WITHIN_MS = 15_000;
/** The stopped leader stays stopped this many lease TTLs. */
const STOP_TTLS = 3;
const STEP_DOWN_WITHIN_MS = 10_000;
/** After stepping down, a former leader's cluster loops must stay quiet this long. */
const QUIET_MS = 3_000;
/** Ticks in flight at the step-down end within this. */
const IN_FLIGHT_MS = 2_000;
/** The faults take about 45 s; submission goes on through them. */
const MIN_RUN_SECONDS = 50;
const RECOVERY = 'from SIGCONT of the stopped leader until throughput is back above half its pre-fault rate';

/**
 * The suite's server A and a second server B on one database and Redis; agents and the workload
 * talk to A, which leads (it started first). A is stopped (SIGSTOP) past its lease: B must take
 * over, and A, resumed, must write nothing under its old epoch and step down. Then B, the
 * leader now, is killed (-9): A must lead again within 10 s, and the cluster loops (autoscaler,
 * sampler) must run there. An empty pool gets one task after each takeover, so the
 * autoscaler has a decision to make. A stays the suite's server throughout.
 */
export const leaderFailover: Scenario = {
  name: NAME,
  summary:
    'two servers: the leader SIGSTOPped past its lease → the other leads, the resumed one writes nothing and steps down; the new leader killed (-9) → the first leads within 10 s, its loops run',
  run: async (suite) => {
    const started = Date.now();
    let replica: BuiltServer;
    try {
      replica = await startReplica(suite.sql.url, suite.adminToken);
    } catch (err) {
      return broken(started, err);
    }
    suite.progress.note(`  [${NAME}] replica B on ${replica.url} (pid ${replica.pid}); A (pid ${suite.serverPid})`);
    try {
      return await runScenario(suite, {
        name: NAME,
        agents: Array.from({ length: AGENTS }, (_, i) => ({ name: `failover-${suite.runId}-${i}` })),
        faultAt: 0.2,
        minRunSeconds: MIN_RUN_SECONDS,
        recoveryWhat: RECOVERY,
        inject: (ctx) => inject(ctx, replica),
      });
    } finally {
      resume(suite.serverPid);
      await replica.stop();
    }
  },
};

async function inject(ctx: RunContext, replica: BuiltServer) {
  const { sql, adminToken: token } = ctx.suite;
  // One empty pool per takeover: a member started by a leader that is then killed would muddle the next decision.
  const stopPool = await emptyPool(ctx, 'stop');
  const killPool = await emptyPool(ctx, 'kill');
  const ids = await replicaIds(ctx, replica);
  const first = await readLease(sql);
  const checks: Check[] = [oneLeader(first, ids, await listReplicas(sql))];
  if (!first || first.holder !== ids.a) return { faultAt: Date.now(), recoveryMs: null, checks };
  const ttlMs = first.ttlMs;

  const stop = await stopLeader(ctx, ids, first, ttlMs, () => stopPool.submit(new Api(replica.url)), stopPool.id);
  checks.push(...stop.checks);

  // B leads now: kill it outright.
  const killedAt = Date.now();
  replica.signal('SIGKILL');
  await replica.exited;
  const second = stop.lease ?? first;
  const takeover = await waitForLeader(sql, ids.a, second.epoch, TAKEOVER_WITHIN_MS + 10_000);
  const killMs = takeover ? takeover.lease.acquiredAt.getTime() - killedAt : null;
  ctx.note(
    `B killed (-9); A leads again ${takeover ? `at epoch ${takeover.lease.epoch} after ${seconds(takeover.ms)}` : 'not'}`,
  );
  checks.push(
    check(
      `kill -9 of the leader: the other leads within ${TAKEOVER_WITHIN_MS / 1000} s`,
      !!takeover && takeover.ms <= TAKEOVER_WITHIN_MS,
      takeover
        ? `A holds the lease at epoch ${takeover.lease.epoch} (was ${second.epoch}) ${seconds(takeover.ms)} after the kill (term began ${seconds(killMs)} after it, database clock; lease TTL ${seconds(ttlMs)})`
        : `A does not hold a new term ${seconds(TAKEOVER_WITHIN_MS + 10_000)} after the kill (lease: ${JSON.stringify(await readLease(sql))})`,
    ),
  );
  if (takeover) {
    await killPool.submit(ctx.suite.api);
    checks.push(await loopsRan(ctx, killPool.id, takeover.lease, 'A after the kill'));
  }
  for (const pool of [stopPool, killPool])
    await ctx.suite.api.mutate('pools.update', { id: pool.id, enabled: false }, token).catch(() => undefined);
  return { faultAt: stop.stoppedAt, backAt: stop.resumedAt, checks };
}

/**
 * A pool of simulated agents with none yet and nothing to do; `submit` gives it one task, which
 * its capability's backlog turns into a scale-up decision by whichever replica leads.
 */
async function emptyPool(ctx: RunContext, label: string) {
  const { api, adminToken: token, runId } = ctx.suite;
  const capability = `faults-${NAME}-${label}-${runId}`;
  const pool = await api.mutate<{ id: string }>(
    'pools.create',
    {
      name: `failover-${label}-${runId}`,
      capabilities: [capability],
      provider: 'simulated',
      minSize: 0,
      maxSize: 1,
      scaleUpCooldownMs: 0,
      scaleDownCooldownMs: 0,
      idleTimeoutMs: 1_000,
    },
    token,
  );
  const task = {
    title: `failover ${label}`,
    capabilities: [capability],
    idempotencyKey: `faults:failover:${runId}:${label}`,
  };
  return { id: pool.id, submit: (through: Api) => through.mutate('tasks.submit', { tasks: [task] }, token) };
}

/** Which replica row is A (the suite's server) and which is B, by process id. */
async function replicaIds(ctx: RunContext, replica: BuiltServer) {
  const rows = await until(
    () => listReplicas(ctx.suite.sql),
    (rs) => rs.some((r) => r.pid === ctx.suite.serverPid) && rs.some((r) => r.pid === replica.pid),
    10_000,
  );
  const idOf = (pid: number) => rows?.find((r) => r.pid === pid)?.id ?? `(pid ${pid} not registered)`;
  return { a: idOf(ctx.suite.serverPid), b: idOf(replica.pid) };
}

function oneLeader(lease: LeaseRow | null, ids: { a: string; b: string }, listed: { id: string }[]): Check {
  const both = [ids.a, ids.b].every((id) => listed.some((r) => r.id === id));
  const who = lease?.holder === ids.a ? 'A' : lease?.holder === ids.b ? 'B' : lease?.holder;
  return check(
    'exactly one leads',
    !!lease && lease.live && lease.holder === ids.a && both,
    lease
      ? `lease held by ${who} (${lease.holder}) at epoch ${lease.epoch}, ${lease.live ? 'live' : 'expired'}; ${listed.length} replicas registered${both ? ', A and B among them' : ', A or B missing'}`
      : 'no lease row',
  );
}

/**
 * SIGSTOP of A (the leader) for STOP_TTLS lease TTLs: B must take over while A is stopped; after
 * SIGCONT, A must write nothing under its old epoch and step down.
 */
async function stopLeader(
  ctx: RunContext,
  ids: { a: string; b: string },
  first: LeaseRow,
  ttlMs: number,
  submitPoolTask: () => Promise<unknown>,
  poolId: string,
) {
  const { sql, serverPid } = ctx.suite;
  const checks: Check[] = [];
  const stoppedAt = Date.now();
  let takeover: Awaited<ReturnType<typeof waitForLeader>>;
  const logBefore = ctx.suite.serverLog();
  process.kill(serverPid, 'SIGSTOP');
  try {
    takeover = await waitForLeader(sql, ids.b, first.epoch, STOP_TTLS * ttlMs - 1_000);
    ctx.note(
      `A stopped; B leads ${takeover ? `at epoch ${takeover.lease.epoch} after ${seconds(takeover.ms)}` : 'not'}`,
    );
    checks.push(
      check(
        'SIGSTOP of the leader past its lease: the other takes over',
        !!takeover,
        takeover
          ? `B holds the lease at epoch ${takeover.lease.epoch} (was ${first.epoch}) ${seconds(takeover.ms)} after SIGSTOP (lease TTL ${seconds(ttlMs)})`
          : `B does not lead while A is stopped (${seconds(STOP_TTLS * ttlMs)})`,
      ),
    );
    if (takeover) {
      await submitPoolTask();
      checks.push(await loopsRan(ctx, poolId, takeover.lease, 'B while A is stopped'));
    }
    await sleep(stoppedAt + STOP_TTLS * ttlMs - Date.now());
  } finally {
    resume(serverPid);
  }
  const resumedAt = Date.now();
  ctx.note(`A resumed after ${seconds(resumedAt - stoppedAt)}`);
  if (!takeover) return { stoppedAt, resumedAt, lease: null, checks };
  checks.push(...(await afterResume(ctx, ids, first, takeover.lease, logBefore, resumedAt)));
  return { stoppedAt, resumedAt, lease: takeover.lease, checks };
}

/** The resumed former leader: its cluster writes refused, its loops stopped, the new term untouched. */
async function afterResume(
  ctx: RunContext,
  ids: { a: string; b: string },
  old: LeaseRow,
  current: LeaseRow,
  logBefore: string,
  resumedAt: number,
): Promise<Check[]> {
  const { sql } = ctx.suite;
  const since = () => logSince(logBefore, ctx.suite.serverLog());
  const steppedDown = await until(
    async () => since(),
    (log) => log.includes('no longer leads the cluster'),
    STEP_DOWN_WITHIN_MS,
  );
  // Ticks in flight when it stepped down fail after it says so; then its cluster loops are stopped and nothing more is tried.
  const refusedBy = () => countIn(since(), `moved past epoch ${old.epoch}`);
  await sleep(IN_FLIGHT_MS);
  const settled = refusedBy();
  await sleep(Math.max(QUIET_MS, resumedAt + 6_000 - Date.now()));
  const refused = refusedBy();
  const stopped = refused === settled;
  const lease = await readLease(sql);
  const terms = await termsAfter(sql, current.epoch);
  const samples = await samplesBetween(sql, current.acquiredAt, new Date());
  const oneWriter = samples.closestMs === null || samples.closestMs >= 2_500;
  const held = !!lease && lease.holder === ids.b && lease.epoch === current.epoch;
  ctx.note(`A resumed: ${refused} cluster writes refused under epoch ${old.epoch}`);
  return [
    check(
      'the resumed former leader steps down',
      !!steppedDown && stopped && held && terms.length === 0,
      `${steppedDown ? `A logged "no longer leads the cluster" ${logLine(steppedDown, 'no longer leads')}` : `A did not say it stepped down within ${STEP_DOWN_WITHIN_MS / 1000} s`}; ${stopped ? `no cluster write tried from ${seconds(IN_FLIGHT_MS)} after it on (its loops stopped)` : `${refused - settled} cluster writes refused more than ${seconds(IN_FLIGHT_MS)} after it`}; lease ${held ? `still B's at epoch ${current.epoch}` : `now ${JSON.stringify(lease)}`}; ${terms.length} terms since`,
    ),
    check(
      'the resumed former leader writes nothing under its old epoch',
      oneWriter,
      `${refused} of A's cluster writes refused (fenced out at epoch ${old.epoch}); ${samples.count} metric samples since B's term began, closest two ${samples.closestMs === null ? '—' : seconds(samples.closestMs)} apart (one sampler: ≥ 5 s; a second writer: within 2.5 s)`,
    ),
  ];
}

async function loopsRan(ctx: RunContext, poolId: string, lease: LeaseRow, where: string): Promise<Check> {
  const ran = await clusterLoopsSince(ctx.suite.sql, poolId, lease.acquiredAt, LOOPS_WITHIN_MS);
  const after = (at: Date | null) =>
    at ? `${seconds(at.getTime() - lease.acquiredAt.getTime())} into the term` : 'none';
  return check(
    `cluster loops run on ${where}: an autoscaler decision and a sample`,
    !!ran.decision && !!ran.sampleAt,
    `epoch ${lease.epoch}: autoscaler ${ran.decision ? `"${ran.decision.action}" ${after(ran.decision.at)}` : `no decision within ${LOOPS_WITHIN_MS / 1000} s`}; sampler row ${after(ran.sampleAt)}`,
  );
}

/** The replica did not start: the scenario fails without running. */
function broken(started: number, err: unknown): ScenarioResult {
  return {
    scenario: NAME,
    tasks: 0,
    lost: NaN,
    duplicated: NaN,
    recoveryMs: null,
    recoveryWhat: RECOVERY,
    checks: [],
    pass: false,
    seconds: (Date.now() - started) / 1000,
    error: `replica B did not start: ${(err as Error).stack ?? String(err)}`,
  };
}
