import { startLocalServer, type LocalServer } from '../../bench/lib/local-server';
import { startBuiltServer, type BuiltServer } from '../../server/testing/built-server';

/** Health and breaker timings short enough for a scenario to see a fault through in seconds. */
export const TIMINGS = {
  heartbeatIntervalMs: 1_000,
  unhealthyAfterMs: 3_000,
  offlineAfterMs: 6_000,
  /** First breaker cool-down; FLIGHTDECK_BREAKER_COOLDOWN_MS overrides it. */
  breakerCoolDownMs: Number(process.env.FLIGHTDECK_BREAKER_COOLDOWN_MS || 3_000),
};

/**
 * The server for the whole suite, started the bench's way (built app, free port, throw-away
 * data dir, known admin token) in production mode against the scratch database and Redis.
 * The bench passes its own environment through, so the settings go there first.
 */
export async function startFaultServer(databaseUrl: string, redisUrl: string): Promise<LocalServer> {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    FLIGHTDECK_HEARTBEAT_INTERVAL_MS: String(TIMINGS.heartbeatIntervalMs),
    FLIGHTDECK_UNHEALTHY_AFTER_MS: String(TIMINGS.unhealthyAfterMs),
    FLIGHTDECK_OFFLINE_AFTER_MS: String(TIMINGS.offlineAfterMs),
    FLIGHTDECK_BREAKER_COOLDOWN_MS: String(TIMINGS.breakerCoolDownMs),
    // Retries come back within a second, so a failed task is soon placed elsewhere.
    FLIGHTDECK_RETRY_BASE_MS: process.env.FLIGHTDECK_RETRY_BASE_MS ?? '200',
  });
  return startLocalServer();
}

/**
 * A second server process on the suite's database and Redis, with the suite's settings (they are
 * in the environment by now) and its admin token: another token would revoke the first server's.
 */
export function startReplica(databaseUrl: string, adminToken: string): Promise<BuiltServer> {
  return startBuiltServer({ databaseUrl, env: { LOG_LEVEL: 'warn', FLIGHTDECK_ADMIN_TOKEN: adminToken } });
}
