import type { BuiltServer } from '../../server/testing/built-server';
import type { Sql } from '../lib/database';
import { LiveEvents, viaRedis } from '../lib/live-events';
import { checkDelivery, deliveredExactlyOnce, describeDelivery, logHead, logPositions } from '../lib/log-delivery';
import { noInternalErrors } from '../lib/outage-answers';
import { cancelProbe, probeSubmitted, submitProbe } from '../lib/probe-task';
import { check, type Check, type Scenario, type ScenarioResult } from '../lib/scenario';
import { runScenario, type RunContext } from '../lib/scenario-run';
import { startReplica } from '../lib/server';
import { seconds } from '../lib/table';
import { sleep, until } from '../lib/wait';

const NAME = 'replica-log';
const AGENTS = 8;
/** The client on A reads this long (and at least a few state changes) before it drops. */
const READ_MS = 2_000;
/** …and stays away this long while the workload goes on. */
const AWAY_MS = 3_000;
const CATCH_UP_WITHIN_MS = 10_000;
const DELIVER_WITHIN_MS = 5_000;
const REDIS_DOWN_MS = 3_000;
const SIGNALS_WITHIN_MS = 10_000;
/** Submission is paced so the run lasts at least this long: the drop and the outage fall mid-run. */
const MIN_RUN_SECONDS = 20;
const RECOVERY = 'from Redis answering again until throughput is back above half its pre-fault rate';

/**
 * Two server processes on one database and one Redis; agents and the workload talk to A. A live
 * client reads from A, drops, and resumes on B from its last id: B must send, from the event log,
 * every state change after it exactly once and in order. Then, with Redis stopped, a change made
 * through A must still reach B's stream (the log, not Redis, carries state changes).
 */
export const replicaLog: Scenario = {
  name: NAME,
  summary:
    'a second server on the same database and Redis → a client resumes on it exactly once; with Redis stopped, changes made on the first still reach it',
  run: async (suite) => {
    const started = Date.now();
    let replica: BuiltServer;
    try {
      replica = await startReplica(suite.sql.url, suite.adminToken);
    } catch (err) {
      return broken(started, err);
    }
    suite.progress.note(`  [${NAME}] replica B on ${replica.url} (A on ${suite.url})`);
    try {
      return await runScenario(suite, {
        name: NAME,
        agents: Array.from({ length: AGENTS }, (_, i) => ({ name: `replica-${suite.runId}-${i}` })),
        faultAt: 0.2,
        minRunSeconds: MIN_RUN_SECONDS,
        recoveryWhat: RECOVERY,
        inject: (ctx) => inject(ctx, replica),
        verify: async (ctx, fault) => [noInternalErrors(ctx.fleet.entries, fault.faultAt, fault.backAt! + 5_000)],
      });
    } finally {
      await replica.stop();
    }
  },
};

async function inject(ctx: RunContext, replica: BuiltServer) {
  const { sql, adminToken: token } = ctx.suite;
  // A client on A reads for a while, then drops (a closed laptop, a dead load balancer).
  const onA = new LiveEvents(ctx.suite.url, token);
  let onB: LiveEvents | null = null;
  try {
    const readFrom = Date.now();
    await until(
      async () => onA.stateChanges.length,
      (n) => n >= 10 && Date.now() - readFrom >= READ_MS,
      READ_MS + 10_000,
    );
    await onA.close();
    const lastId = onA.lastId ?? String(await logHead(sql));
    const checks = [await streamedOnA(sql, onA)];
    await sleep(AWAY_MS);
    const headAtReconnect = await logHead(sql);
    onB = new LiveEvents(replica.url, token, { from: lastId });
    const resumed = await resumeOnB(ctx, onB, Number(lastId), headAtReconnect);
    const outage = await redisDownOnB(ctx, onB);
    await onB.close();
    checks.push(await resumed.verdict(), ...outage.checks);
    return { faultAt: outage.faultAt, backAt: outage.backAt, checks };
  } finally {
    await onA.close();
    await onB?.close();
  }
}

/** A's stream, from its first state change to the drop: none skipped or repeated. */
async function streamedOnA(sql: Sql, onA: LiveEvents): Promise<Check> {
  const received = onA.stateChanges;
  const to = Number(onA.lastId ?? 0);
  const first = received[0] ? Number(received[0].id) : to + 1;
  const d = await checkDelivery(sql, received, first - 1, to);
  return check(
    'A streams every event once, in order',
    received.length > 0 && deliveredExactlyOnce(d),
    `${describeDelivery(d)}; dropped at id ${onA.lastId ?? 'none'}${errors(onA)}`,
  );
}

/**
 * Waits until B has sent everything committed while the client was away; the verdict (taken at
 * the end, so it covers B's live stream too) compares all B sent after the last id with the log.
 */
async function resumeOnB(ctx: RunContext, onB: LiveEvents, from: number, headAtReconnect: number) {
  const { sql } = ctx.suite;
  const reconnectAt = Date.now();
  const missed = (await logPositions(sql, from, headAtReconnect)).length;
  const newest = () => onB.stateChanges.reduce((n, e) => Math.max(n, Number(e.id)), from);
  const caughtUp = await until(
    async () => newest(),
    (n) => n >= headAtReconnect,
    CATCH_UP_WITHIN_MS,
  );
  const caughtUpMs = caughtUp === null ? null : Date.now() - reconnectAt;
  ctx.note(`client dropped from A at ${from}, ${missed} events committed while away; resumed on B`);
  return {
    async verdict(): Promise<Check> {
      const resync = onB.events.find((e) => e.name === 'resync');
      const replayed = onB.stateChanges.filter((e) => Number(e.id) <= headAtReconnect).length;
      const d = await checkDelivery(sql, onB.events, from, Math.max(newest(), headAtReconnect));
      const catchUp =
        caughtUpMs === null ? ` (not caught up within ${CATCH_UP_WITHIN_MS / 1000} s)` : ` within ${caughtUpMs} ms`;
      return check(
        'resumed on B: every event after the last id once, in order',
        !resync && caughtUp !== null && deliveredExactlyOnce(d),
        `${missed} events committed while away, ${replayed} replayed by B${catchUp}, then ${d.received - replayed} live; ${describeDelivery(d)}${resync ? '; B answered resync' : ''}${errors(onB)}`,
      );
    },
  };
}

/** Redis stopped: a change made through A reaches B's stream through the log alone; signals return with Redis. */
async function redisDownOnB(ctx: RunContext, onB: LiveEvents) {
  const { api, adminToken: token, services } = ctx.suite;
  const faultAt = Date.now();
  await services.stopRedis();
  ctx.note('Redis shut down (nosave)');
  const probe = await submitProbe(api, token, `${ctx.suite.runId}-replica`);
  const arrived = await until(async () => probeSubmitted(onB.events, probe), Boolean, DELIVER_WITHIN_MS);
  await sleep(faultAt + REDIS_DOWN_MS - Date.now());
  await services.startRedis();
  const backAt = Date.now();
  ctx.note(`Redis back, empty, after ${seconds(backAt - faultAt)}`);
  const signal = await until(async () => onB.firstAfter(backAt, viaRedis), Boolean, SIGNALS_WITHIN_MS);
  await cancelProbe(api, token, probe);
  const latency = arrived ? arrived.receivedAt - probe.sentAt : null;
  const whileDown = onB.stateChanges.filter((e) => e.receivedAt >= faultAt && e.receivedAt < backAt).length;
  return {
    faultAt,
    backAt,
    checks: [
      check(
        `with Redis down, a change made on A reaches B within ${DELIVER_WITHIN_MS / 1000} s`,
        latency !== null && latency <= DELIVER_WITHIN_MS,
        `task:submitted of a task submitted through A ${latency === null ? `not on B's stream within ${DELIVER_WITHIN_MS / 1000} s` : `on B's stream ${latency} ms after the request`}; ${whileDown} state changes on B while Redis was down`,
      ),
      check(
        'signals reach B through Redis again',
        signal !== null,
        signal
          ? `first signal through Redis ${seconds(signal.receivedAt - backAt)} after it came back (${signal.name})`
          : `none within ${SIGNALS_WITHIN_MS / 1000} s${errors(onB)}`,
      ),
    ],
  };
}

const errors = (live: LiveEvents) => (live.errors.length ? `; stream errors: ${live.errors.join(' | ')}` : '');

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
