import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';
import { MAX_RESPONSE_BYTES, createWebhookSender } from './webhook-sender';

let rx: WebhookReceiver;
beforeAll(async () => {
  rx = await startWebhookReceiver();
});
afterAll(() => rx.close());
beforeEach(() => {
  rx.requests.length = 0;
  rx.respond = null;
});

const strict = createWebhookSender({ allowPrivate: false });
const open = createWebhookSender({ allowPrivate: true });
const post = (sender = open, url = rx.url, timeoutMs = 5_000) =>
  sender.post({ url, body: '{"a":1}', headers: { 'Content-Type': 'application/json' }, timeoutMs });

describe('the webhook sender', () => {
  it('refuses a loopback address, literal or behind a name, unless private webhooks are allowed', async () => {
    const literal = await post(strict);
    expect(literal).toMatchObject({ status: null, error: expect.stringContaining('127.0.0.1') });
    const named = await post(strict, `http://localhost:${rx.port}/hook`);
    expect(named).toMatchObject({ status: null, error: expect.stringMatching(/refused: localhost resolves to/) });
    const mapped = await post(strict, `http://[::ffff:127.0.0.1]:${rx.port}/hook`);
    expect(mapped.status).toBeNull();
    expect(rx.requests).toHaveLength(0);

    expect(await post(open, `http://localhost:${rx.port}/hook`)).toMatchObject({
      status: 200,
      body: 'ok',
      error: null,
    });
    expect(rx.requests).toHaveLength(1);
    expect(rx.requests[0]).toMatchObject({ method: 'POST', body: '{"a":1}' });
  });

  it('follows no redirect: a 302 is the answer, recorded as it came', async () => {
    rx.respond = () => ({ status: 302, headers: { location: `${rx.url}/elsewhere` }, body: 'moved' });
    expect(await post()).toMatchObject({ status: 302, body: 'moved' });
    expect(rx.requests.map((r) => r.path)).toEqual(['/hook']);
  });

  it('reads at most 64 KiB of a response body', async () => {
    rx.respond = () => ({ status: 200, body: 'x'.repeat(MAX_RESPONSE_BYTES * 3) });
    const r = await post();
    expect(r.status).toBe(200);
    expect(r.body.length).toBe(MAX_RESPONSE_BYTES);
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    rx.respond = () => ({ hang: true });
    expect(await post(open, rx.url, 300)).toMatchObject({ status: null, error: 'timed out after 300 ms' });
  });

  it('answers a connection failure as an error, never by throwing', async () => {
    const r = await post(open, 'http://127.0.0.1:1/none');
    expect(r).toMatchObject({ status: null, error: expect.stringContaining('ECONNREFUSED') });
  });
});
