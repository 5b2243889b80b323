import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startBuiltServer, type BuiltServer } from '@/server/testing/built-server';
import { createTestDatabase } from '@/server/testing/test-runtime';
import { startWebhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';

// Real server processes killed with SIGKILL while a notification is in flight: the delivery row
// was written before the send, so whoever sends next sends it again, with the same id. The
// graceful handover is in server/trpc/routers/channels-notify.test.ts.

const WAIT = { timeout: 30_000, interval: 100 };
const ENV = {
  FLIGHTDECK_LEASE_TTL_MS: '2000',
  FLIGHTDECK_ALERT_EVAL_MS: '500',
  FLIGHTDECK_ALERT_RESOLVE_DELAY_MS: '500',
  FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS: '1',
  LOG_LEVEL: 'warn',
};

/** A server's API as an HTTP client calls it. */
async function call(srv: BuiltServer, procedure: string, input?: unknown, kind: 'mutation' | 'query' = 'mutation') {
  const url = new URL(`${srv.url}/api/trpc/${procedure}`);
  if (kind === 'query' && input !== undefined) url.searchParams.set('input', JSON.stringify(input));
  const res = await fetch(url, {
    method: kind === 'query' ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${srv.token}`, 'content-type': 'application/json' },
    body: kind === 'query' ? undefined : JSON.stringify(input ?? {}),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${procedure}: ${res.status} ${JSON.stringify(body)}`);
  return body.result.data;
}

let rx: WebhookReceiver;
beforeAll(async () => {
  await ensureBuilt();
  rx = await startWebhookReceiver();
}, 600_000);
afterAll(async () => {
  await rx?.close();
});

/**
 * A webhook channel to the receiver, an operator rule (for 0) on the queue depth of a capability
 * nobody has, and a task needing it: the rule fires and its notification is sent. The receiver
 * never answers that first request.
 */
async function fireNotification(srv: BuiltServer, suite: string) {
  rx.requests.length = 0;
  rx.respond = (_req, i) => (i === 0 ? { hang: true } : { status: 200, body: 'ok' });
  const capability = `${suite}-${randomBytes(3).toString('hex')}`;
  const channel = await call(srv, 'channels.create', {
    name: suite,
    type: 'webhook',
    url: rx.url,
    matchers: [{ name: 'suite', value: suite, op: '=' }],
    repeatIntervalMs: 3_600_000,
  });
  rx.secret = channel.secret;
  await call(srv, 'alerts.rules.create', {
    name: `${suite} queue`,
    metric: 'queue_depth',
    filters: [{ name: 'capability', value: capability, op: '=' }],
    comparison: '>',
    threshold: 0,
    forMs: 0,
    severity: 'critical',
    labels: { suite },
    summary: '{{value}} queued for {{labels.capability}}',
  });
  const submitted = await call(srv, 'tasks.submit', { tasks: [{ title: 'stuck', capabilities: [capability] }] });
  await expect.poll(() => rx.requests.length, WAIT).toBe(1);
  const first = rx.requests[0]!;
  expect(first).toMatchObject({ eventName: 'alert:firing', signatureValid: true });
  expect(first.json()).toMatchObject({ status: 'firing', alerts: [{ labels: { capability, suite } }] });
  return { channelId: channel.id as string, taskId: submitted.ids[0] as string, first };
}

/**
 * After the kill: `srv` sends the firing notification again (same id, same body), and once the
 * task is cancelled exactly one resolve; nothing else, once its loops have settled.
 */
async function expectOneRepeatThenResolve(srv: BuiltServer, fired: Awaited<ReturnType<typeof fireNotification>>) {
  const { first } = fired;
  await expect.poll(() => rx.requests.length, WAIT).toBe(2);
  const again = rx.requests[1]!;
  expect(again).toMatchObject({ deliveryId: first.deliveryId, eventName: 'alert:firing', signatureValid: true });
  expect(again.body).toBe(first.body);

  await call(srv, 'tasks.cancel', { id: fired.taskId });
  await expect.poll(() => rx.requests.length, WAIT).toBe(3);
  const resolved = rx.requests[2]!;
  expect(resolved).toMatchObject({ eventName: 'alert:resolved', signatureValid: true });
  expect(resolved.deliveryId).not.toBe(first.deliveryId);
  expect(resolved.json()).toMatchObject({ status: 'resolved', reason: 'all alerts resolved' });

  type Row = { id: string; eventName: string; status: string; attempts: number };
  const log = async (): Promise<Row[]> =>
    (await call(srv, 'channels.deliveries', { id: fired.channelId }, 'query')).items;
  await expect
    .poll(async () => (await log()).map((d) => [d.id, d.eventName, d.status, d.attempts]), WAIT)
    .toEqual([
      [resolved.deliveryId, 'alert:resolved', 'delivered', 1],
      [first.deliveryId, 'alert:firing', 'delivered', 1],
    ]);
  // Settled: notifications and the deliverer have each passed twice more; nothing else was sent.
  const ticks = async () => {
    const { loops } = await call(srv, 'system.info', undefined, 'query');
    const of = (name: string) => (loops as { name: string; ticks: number }[]).find((l) => l.name === name)!.ticks;
    return Math.min(of('notifications'), of('deliverer'));
  };
  const from = await ticks();
  await expect.poll(ticks, WAIT).toBeGreaterThanOrEqual(from + 2);
  expect(rx.requests.map((r) => r.eventName)).toEqual(['alert:firing', 'alert:firing', 'alert:resolved']);
}

describe('kill -9 of the only server while a notification is in flight', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fd-notify-kill-'));
  let database: Awaited<ReturnType<typeof createTestDatabase>> | null = null;
  const servers: BuiltServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop(5_000)));
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  it('restarted on the same data, it sends the notification again with the same id, then one resolve', async () => {
    if (process.env.DATABASE_URL)
      database = await createTestDatabase(process.env.DATABASE_URL, `fd_kill_${randomBytes(4).toString('hex')}`);
    const token = `test-admin-restart-${randomBytes(6).toString('hex')}`;
    const start = async () => {
      const srv = await startBuiltServer({
        dataDir,
        databaseUrl: database?.url,
        env: { ...ENV, FLIGHTDECK_ADMIN_TOKEN: token },
      });
      servers.push(srv);
      return srv;
    };
    const crashed = await start();
    const fired = await fireNotification(crashed, 'restart');
    crashed.signal('SIGKILL');
    expect(await crashed.exited).toMatchObject({ signal: 'SIGKILL' });
    await expectOneRepeatThenResolve(await start(), fired);
  }, 180_000);
});

if (process.env.DATABASE_URL) {
  describe('kill -9 of the leader while a notification is in flight', () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let sql: pg.Client;
    const servers: BuiltServer[] = [];
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop(5_000)));
      await sql?.end();
      await database?.drop();
    });

    /** The server process holding the leader lease (its replica row names the pid). */
    async function leader(): Promise<BuiltServer | undefined> {
      const { rows } = await sql.query<{ pid: number }>(
        `select r.pid from leader_lease l join replicas r on r.id = l.holder
         where l.name = 'cluster' and l.expires_at > now()`,
      );
      return servers.find((s) => s.pid === rows[0]?.pid && s.isRunning());
    }

    it('the other server takes over and sends it again with the same Flightdeck-Delivery id, then one resolve', async () => {
      database = await createTestDatabase(process.env.DATABASE_URL!, `fd_failover_${randomBytes(4).toString('hex')}`);
      sql = new pg.Client({ connectionString: database.url });
      const env = { ...ENV, FLIGHTDECK_ADMIN_TOKEN: `test-admin-failover-${randomBytes(6).toString('hex')}` };
      // One after the other: the first migrates the fresh database.
      for (let i = 0; i < 2; i++) servers.push(await startBuiltServer({ databaseUrl: database.url, env }));
      await sql.connect();

      const fired = await fireNotification(servers[0]!, 'failover');
      const killed = await leader();
      expect(killed, 'a server holds the leader lease').toBeDefined();
      killed!.signal('SIGKILL');
      expect(await killed!.exited).toMatchObject({ signal: 'SIGKILL' });
      const survivor = servers.find((s) => s !== killed)!;
      await expectOneRepeatThenResolve(survivor, fired);
      expect(await leader()).toBe(survivor);
    }, 180_000);
  });
}
