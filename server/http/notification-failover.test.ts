import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startBuiltServer, type BuiltServer } from '@/server/testing/built-server';
import { createTestDatabase } from '@/server/testing/test-runtime';
import { startWebhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';

// Two real server processes on one database; the leader is killed with SIGKILL while its
// notification is in flight. The graceful handover is in server/trpc/routers/channels-notify.test.ts.

/** A server's API as an HTTP client calls it. */
async function call(srv: BuiltServer, procedure: string, input: unknown, kind: 'mutation' | 'query' = 'mutation') {
  const url = new URL(`${srv.url}/api/trpc/${procedure}`);
  if (kind === 'query') url.searchParams.set('input', JSON.stringify(input));
  const res = await fetch(url, {
    method: kind === 'query' ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${srv.token}`, 'content-type': 'application/json' },
    body: kind === 'query' ? undefined : JSON.stringify(input),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`${procedure}: ${res.status} ${JSON.stringify(body)}`);
  return body.result.data;
}

if (process.env.DATABASE_URL) {
  describe('kill -9 of the leader while a notification is in flight', () => {
    const id = randomBytes(4).toString('hex');
    const capability = `failover-${id}`;
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let sql: pg.Client;
    let rx: WebhookReceiver;
    const servers: BuiltServer[] = [];

    beforeAll(async () => {
      await ensureBuilt();
      database = await createTestDatabase(process.env.DATABASE_URL!, `fd_failover_${id}`);
      sql = new pg.Client({ connectionString: database.url });
      rx = await startWebhookReceiver();
      const env = {
        FLIGHTDECK_ADMIN_TOKEN: `test-admin-failover-${id}`,
        FLIGHTDECK_LEASE_TTL_MS: '2000',
        FLIGHTDECK_ALERT_EVAL_MS: '500',
        FLIGHTDECK_ALERT_RESOLVE_DELAY_MS: '500',
        FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS: '1',
        LOG_LEVEL: 'warn',
      };
      // One after the other: the first migrates the fresh database.
      for (let i = 0; i < 2; i++) servers.push(await startBuiltServer({ databaseUrl: database.url, env }));
      await sql.connect();
    }, 600_000);
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop(5_000)));
      await sql?.end();
      await rx?.close();
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

    it('the new leader sends it again with the same Flightdeck-Delivery id, then exactly one resolve', async () => {
      // The first request never gets an answer: its sender dies waiting.
      rx.respond = (_req, i) => (i === 0 ? { hang: true } : { status: 200, body: 'ok' });
      const channel = await call(servers[0]!, 'channels.create', {
        name: 'on-call',
        type: 'webhook',
        url: rx.url,
        matchers: [{ name: 'suite', value: 'failover', op: '=' }],
        repeatIntervalMs: 3_600_000,
      });
      rx.secret = channel.secret;
      await call(servers[0]!, 'alerts.rules.create', {
        name: 'failover queue',
        metric: 'queue_depth',
        filters: [{ name: 'capability', value: capability, op: '=' }],
        comparison: '>',
        threshold: 0,
        forMs: 0,
        severity: 'critical',
        labels: { suite: 'failover' },
        summary: '{{value}} queued for {{labels.capability}}',
      });
      const [taskId] = (
        await call(servers[0]!, 'tasks.submit', { tasks: [{ title: 'stuck', capabilities: [capability] }] })
      ).ids;

      await expect.poll(() => rx.requests.length, { timeout: 30_000 }).toBe(1);
      const first = rx.requests[0]!;
      expect(first).toMatchObject({ eventName: 'alert:firing', signatureValid: true });
      const killed = await leader();
      expect(killed, 'a server holds the leader lease').toBeDefined();
      killed!.signal('SIGKILL');
      expect(await killed!.exited).toMatchObject({ signal: 'SIGKILL' });
      const survivor = servers.find((s) => s !== killed)!;

      await expect.poll(() => rx.requests.length, { timeout: 30_000 }).toBe(2);
      expect(await leader()).toBe(survivor);
      const again = rx.requests[1]!;
      expect(again).toMatchObject({ deliveryId: first.deliveryId, eventName: 'alert:firing', signatureValid: true });
      expect(again.body).toBe(first.body);
      expect(first.json()).toMatchObject({ status: 'firing', alerts: [{ labels: { capability, suite: 'failover' } }] });

      await call(survivor, 'tasks.cancel', { id: taskId });
      await expect.poll(() => rx.requests.length, { timeout: 30_000 }).toBe(3);
      const resolved = rx.requests[2]!;
      expect(resolved).toMatchObject({ eventName: 'alert:resolved', signatureValid: true });
      expect(resolved.deliveryId).not.toBe(first.deliveryId);
      expect(resolved.json()).toMatchObject({ status: 'resolved', reason: 'all alerts resolved' });

      // Settled: notifications have read the whole log, and the channel's deliveries are all sent.
      const upTo = Number((await sql.query(`select max(position) as p from events`)).rows[0].p);
      const cursor = async () =>
        Number(
          (await sql.query(`select position from event_consumers where name = 'notifications'`)).rows[0]?.position,
        );
      await expect.poll(cursor, { timeout: 15_000 }).toBeGreaterThanOrEqual(upTo);
      type Row = { id: string; eventName: string; status: string; attempts: number };
      const log = async (): Promise<Row[]> =>
        (await call(survivor, 'channels.deliveries', { id: channel.id }, 'query')).items;
      await expect
        .poll(async () => (await log()).map((d) => [d.eventName, d.status, d.attempts]), { timeout: 15_000 })
        .toEqual([
          ['alert:resolved', 'delivered', 1],
          ['alert:firing', 'delivered', 1],
        ]);
      expect((await log())[1]!.id).toBe(first.deliveryId);
      expect(rx.requests.map((r) => r.eventName)).toEqual(['alert:firing', 'alert:firing', 'alert:resolved']);
    }, 120_000);
  });
}
