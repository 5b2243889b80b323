import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Actor } from '@/server/core/model';
import { readEnv } from '@/server/env';
import { createRuntime, type Runtime } from '@/server/runtime';
import { createContextInner } from '@/server/trpc/context';
import { createCaller } from '@/server/trpc/root';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export type TestRuntime = Runtime & { redisPrefix: string; dispose(): Promise<void> };

/**
 * A real runtime for integration tests: in-memory PGlite by default, or a fresh database on
 * PostgreSQL and a fresh stream on Redis when DATABASE_URL / REDIS_URL are set. `replicaOf`
 * (PostgreSQL only) starts another replica on that runtime's database and stream instead; the
 * database is dropped by the runtime that created it.
 */
export async function startTestRuntime(
  overrides: Record<string, string> = {},
  opts: { replicaOf?: TestRuntime } = {},
): Promise<TestRuntime> {
  const id = randomBytes(4).toString('hex');
  const joined = opts.replicaOf;
  if (joined && !joined.env.DATABASE_URL) throw new Error('replicas share a database on PostgreSQL only');
  const database =
    process.env.DATABASE_URL && !joined ? await createTestDatabase(process.env.DATABASE_URL, `fd_test_${id}`) : null;
  const redisPrefix = joined?.redisPrefix ?? `fdtest:${id}:`;
  const env = readEnv({
    DATABASE_URL: joined?.env.DATABASE_URL ?? database?.url,
    REDIS_URL: process.env.REDIS_URL,
    FLIGHTDECK_DEMO: '0',
    FLIGHTDECK_ADMIN_TOKEN: ADMIN_TOKEN,
    FLIGHTDECK_ADMIN_PASSWORD: 'test-password',
    LOG_LEVEL: 'silent',
    FLIGHTDECK_DB_POOL: '4',
    // Test receivers listen on 127.0.0.1.
    FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS: '1',
    ...overrides,
  });
  // Embedded mode runs in memory, so test files never share a data directory.
  if (!env.DATABASE_URL) env.dataDir = '';
  const rt = await createRuntime(env, { redisPrefix, quiet: true });
  return {
    ...rt,
    redisPrefix,
    async dispose() {
      await rt.stop().catch(() => {});
      await database?.drop();
    },
  };
}

/** A throw-away database per test file: tests own their data. */
export async function createTestDatabase(
  adminUrl: string,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

export function callerAs(rt: Runtime, actor: Actor | null, signal?: AbortSignal) {
  return createCaller(createContextInner({ runtime: rt, actor, resHeaders: new Headers() }), { signal });
}

export const adminPrincipal: Actor = { kind: 'api-token', id: 'tok_test', name: 'test-admin', role: 'admin' };

/** Registers an agent through the API and returns a caller that acts as it. */
export async function registerAgent(
  rt: Runtime,
  input: { name: string; capabilities?: string[]; maxConcurrency?: number; runtime?: string },
) {
  const admin = callerAs(rt, adminPrincipal);
  const { agentId, token } = await admin.agents.register({
    name: input.name,
    capabilities: input.capabilities ?? [],
    maxConcurrency: input.maxConcurrency ?? 1,
    ...(input.runtime ? { runtime: input.runtime } : {}),
  });
  const principal = await rt.core.auth.authenticateBearer(token);
  return { agentId, token, caller: callerAs(rt, principal) };
}

/**
 * Calls the API as an HTTP client would (status codes, JSON bodies, error formatting),
 * through the same fetch handler as the Next route, without starting a web server.
 */
export async function httpCall(
  rt: Runtime,
  procedure: string,
  opts: { input?: unknown; rawBody?: string; token?: string; query?: boolean; headers?: Record<string, string> } = {},
) {
  const { createFetchHandler } = await import('@/server/http/fetch-handler');
  const headers = new Headers({ 'content-type': 'application/json', ...opts.headers });
  if (opts.token) headers.set('authorization', `Bearer ${opts.token}`);
  const url = new URL(`http://test/api/trpc/${procedure}`);
  if (opts.query && opts.input !== undefined) url.searchParams.set('input', JSON.stringify(opts.input));
  const req = new Request(url, {
    method: opts.query ? 'GET' : 'POST',
    headers,
    body: opts.query
      ? undefined
      : (opts.rawBody ?? (opts.input === undefined ? undefined : JSON.stringify(opts.input))),
  });
  const res = await createFetchHandler(async () => rt)(req);
  const body = (await res.json()) as {
    result?: { data: any };
    error?: { message: string; data: { code: string; httpStatus: number } };
  };
  return { status: res.status, data: body.result?.data, error: body.error, headers: res.headers };
}
