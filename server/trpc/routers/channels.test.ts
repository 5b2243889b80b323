import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '@/server/core/deliveries/signature';
import { adminPrincipal, callerAs, startTestRuntime, type TestRuntime } from '@/server/testing/test-runtime';
import { startWebhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';

let rt: TestRuntime;
let rx: WebhookReceiver;
beforeAll(async () => {
  [rt, rx] = await Promise.all([startTestRuntime(), startWebhookReceiver()]);
});
afterAll(async () => {
  await rt?.dispose();
  await rx?.close();
});

const admin = () => callerAs(rt, adminPrincipal);
const operator = () => callerAs(rt, { kind: 'user', id: 'usr_op', name: 'olga', role: 'operator' });

describe('channels', () => {
  it('shows the secret once, at create; list and update never return it; rotating answers a new one once', async () => {
    const created = await admin().channels.create({ name: 'ops-webhook', type: 'webhook', url: rx.url });
    expect(created).toMatchObject({
      id: expect.stringMatching(/^chn_/),
      name: 'ops-webhook',
      type: 'webhook',
      severities: [],
      matchers: [],
      repeatIntervalMs: 4 * 3_600_000,
      enabled: true,
      secret: expect.stringMatching(/^whsec_/),
    });
    const listed = await operator().channels.list();
    expect(listed.map((c) => c.name)).toContain('ops-webhook');
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    const updated = await admin().channels.update({ id: created.id, severities: ['critical'] });
    expect(updated.severities).toEqual(['critical']);
    expect(updated).not.toHaveProperty('secret');
    const rotated = await admin().channels.update({ id: created.id, rotateSecret: true });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    await admin().channels.delete({ id: created.id });
    expect((await admin().channels.list()).map((c) => c.id)).not.toContain(created.id);
  });

  it('refuses bad settings with an error naming the field', async () => {
    const bad = (input: Record<string, unknown>) =>
      admin().channels.create({ name: 'bad', type: 'webhook', url: rx.url, ...input } as never);
    await expect(bad({ url: 'ftp://example.com/x' })).rejects.toThrow(/^url: only http and https/);
    await expect(bad({ url: 'https://user:pw@example.com/x' })).rejects.toThrow(/^url: must not carry credentials/);
    await expect(bad({ url: 'not a url' })).rejects.toThrow(/^url: not a valid URL/);
    await expect(bad({ repeatIntervalMs: 1_000 })).rejects.toThrow(/repeatIntervalMs: at least 10000/);
    await expect(bad({ type: 'email' })).rejects.toThrow(/type: one of webhook, slack, alertmanager-webhook/);
    await expect(bad({ matchers: [{ name: 'x', op: '=~', value: '(' }] })).rejects.toThrow(
      /not a valid regular expression/,
    );
    await admin().channels.create({ name: 'taken', type: 'slack', url: rx.url });
    await expect(admin().channels.create({ name: 'taken', type: 'slack', url: rx.url })).rejects.toThrow(
      /^name: a channel named taken already exists/,
    );
  });

  it('is managed by admins only; operators may read', async () => {
    await expect(operator().channels.create({ name: 'x', type: 'webhook', url: rx.url })).rejects.toThrow(
      /needs integrations:manage/,
    );
  });

  it('"send test" posts a signed sample now, answers the outcome, and logs it', async () => {
    const c = await admin().channels.create({ name: 'test-send', type: 'webhook', url: rx.url });
    rx.secret = c.secret;
    const before = rx.requests.length;
    const out = await admin().channels.test({ id: c.id });
    expect(out).toMatchObject({ delivered: true, responseStatus: 200, responseExcerpt: 'ok', error: null });
    const got = rx.requests.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ deliveryId: out.deliveryId, eventName: 'channel:test', signatureValid: true });
    expect(got[0]!.headers['content-type']).toBe('application/json');
    expect(got[0]!.headers['user-agent']).toMatch(/^Flightdeck\/\d+\.\d+\.\d+/);
    // The receiver's check, by hand: the secret shown at create verifies the exact bytes received.
    expect(verifySignature(c.secret, got[0]!.body, String(got[0]!.headers['flightdeck-signature']), Date.now())).toBe(
      true,
    );
    expect(
      verifySignature('whsec_wrong', got[0]!.body, String(got[0]!.headers['flightdeck-signature']), Date.now()),
    ).toBe(false);
    expect(got[0]!.json()).toMatchObject({ version: '1', status: 'firing', reason: 'test', channel: 'test-send' });
    const log = await operator().channels.deliveries({ id: c.id });
    expect(log.items).toEqual([
      {
        id: out.deliveryId,
        eventName: 'channel:test',
        status: 'delivered',
        attempts: 1,
        responseStatus: 200,
        latencyMs: expect.any(Number),
        responseExcerpt: 'ok',
        error: null,
        createdAt: expect.any(Number),
        lastAttemptAt: expect.any(Number),
        nextAttemptAt: null,
      },
    ]);
    expect(log.nextCursor).toBeNull();
  });

  it('a test send to a failing receiver answers the failure, once, without retrying', async () => {
    const c = await admin().channels.create({ name: 'test-fail', type: 'slack', url: rx.url });
    rx.failNext(1);
    const before = rx.requests.length;
    const out = await admin().channels.test({ id: c.id });
    expect(out).toMatchObject({ delivered: false, responseStatus: 500, responseExcerpt: 'try again' });
    const log = await admin().channels.deliveries({ id: c.id });
    expect(log.items[0]).toMatchObject({ status: 'failed', attempts: 1, responseStatus: 500 });
    expect(rx.requests.length - before).toBe(1);
  });

  it('pages the delivery log with a cursor, newest first', async () => {
    const c = await admin().channels.create({ name: 'paged', type: 'webhook', url: rx.url });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await admin().channels.test({ id: c.id })).deliveryId);
    const first = await admin().channels.deliveries({ id: c.id, limit: 2 });
    expect(first.items.map((d) => d.id)).toEqual([ids[2], ids[1]]);
    const second = await admin().channels.deliveries({ id: c.id, limit: 2, cursor: first.nextCursor });
    expect(second.items.map((d) => d.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('without FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS', () => {
  let strict: TestRuntime;
  beforeAll(async () => {
    strict = await startTestRuntime({ FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS: '0' });
  });
  afterAll(async () => strict?.dispose());

  it('refuses loopback and private URLs when saved', async () => {
    const admin = callerAs(strict, adminPrincipal);
    for (const url of [
      rx.url,
      'http://localhost:4200/x',
      'http://10.1.2.3/x',
      'http://[::1]/x',
      'http://169.254.169.254/',
    ]) {
      await expect(admin.channels.create({ name: 'private', type: 'webhook', url })).rejects.toThrow(
        /^url: .* is a loopback, link-local or private address; set FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS=1/,
      );
    }
    expect(await admin.channels.list()).toEqual([]);
  });
});
