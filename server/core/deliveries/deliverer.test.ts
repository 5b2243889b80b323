import { beforeEach, describe, expect, it } from 'vitest';
import { FakeClock, silentLogger } from '../testing/fakes';
import { MemoryDeliveryStore } from '../testing/memory-notify';
import { Deliverer, MAX_DELIVERY_ATTEMPTS } from './deliverer';
import type { DeliveryTarget, NewDelivery, WebhookRequest, WebhookResponse } from './ports';
import { verifySignature } from './signature';

let clock: FakeClock;
let store: MemoryDeliveryStore;
let sent: WebhookRequest[];
let answer: (req: WebhookRequest) => WebhookResponse;
let target: DeliveryTarget | null;
let deliverer: Deliverer;

const reply = (status: number | null, error: string | null = null): WebhookResponse => ({
  status,
  latencyMs: 5,
  body: status ? `answer ${status}` : '',
  error,
});
const row = (subject: string, key: string): NewDelivery => ({
  targetKind: 'channel',
  targetId: 'chn_1',
  subject,
  dedupeKey: key,
  eventName: 'alert:firing',
  eventPosition: null,
  body: JSON.stringify({ key }),
});

beforeEach(() => {
  clock = new FakeClock();
  store = new MemoryDeliveryStore(clock);
  sent = [];
  answer = () => reply(200);
  target = { url: 'https://example.com/hook', secret: 'whsec_x', enabled: true, timeoutMs: 1_000 };
  deliverer = new Deliverer(
    store,
    {
      post: async (req) => {
        sent.push(req);
        return answer(req);
      },
    },
    clock,
    silentLogger,
    { userAgent: 'Flightdeck/1.2.3', random: () => 0 },
  );
  deliverer.registerTarget('channel', async () => target);
});

describe('the deliverer', () => {
  it('posts the body signed with the target secret, with the delivery headers, and records it delivered', async () => {
    const [id] = await store.enqueue([row('g', 'a')]);
    await deliverer.tick();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers).toMatchObject({
      'Content-Type': 'application/json',
      'User-Agent': 'Flightdeck/1.2.3',
      'Flightdeck-Delivery': id,
      'Flightdeck-Event': 'alert:firing',
    });
    expect(verifySignature('whsec_x', sent[0]!.body, sent[0]!.headers['Flightdeck-Signature']!, clock.now())).toBe(
      true,
    );
    expect(await store.get(id!)).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 200 });
  });

  it('retries a failure with a growing wait, under the same id, and gives up after the attempt limit', async () => {
    answer = () => reply(503);
    const [id] = await store.enqueue([row('g', 'a')]);
    const waits: number[] = [];
    for (let i = 0; i < MAX_DELIVERY_ATTEMPTS; i++) {
      await deliverer.tick();
      const d = (await store.get(id!))!;
      if (d.status === 'pending') {
        waits.push(d.nextAttemptAt - clock.now());
        // Not due before its time.
        await deliverer.tick();
        expect(sent).toHaveLength(i + 1);
        clock.advance(d.nextAttemptAt - clock.now());
      }
    }
    expect(sent).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(new Set(sent.map((r) => r.headers['Flightdeck-Delivery']))).toEqual(new Set([id]));
    expect(await store.get(id!)).toMatchObject({
      status: 'failed',
      attempts: MAX_DELIVERY_ATTEMPTS,
      responseStatus: 503,
    });
    // Half the backoff bound (random 0): 0.5 s, 1 s, 2 s … capped at 5 min (half of 10 min).
    expect(waits.slice(0, 4)).toEqual([500, 1_000, 2_000, 4_000]);
    expect(Math.max(...waits)).toBe(300_000);
  });

  it('sends one subject in order, the next only once the one before is delivered; other subjects are not held', async () => {
    answer = (req) => (JSON.parse(req.body).key === 'a1' && sent.length === 1 ? reply(500) : reply(200));
    await store.enqueue([row('a', 'a1'), row('a', 'a2'), row('b', 'b1')]);
    await deliverer.tick();
    expect(sent.map((r) => JSON.parse(r.body).key).sort()).toEqual(['a1', 'b1']);
    await deliverer.tick(); // a1 waits for its retry: a2 stays behind it
    expect(sent).toHaveLength(2);
    clock.advance(1_000);
    await deliverer.tick();
    await deliverer.tick();
    expect(sent.map((r) => JSON.parse(r.body).key)).toEqual(['a1', 'b1', 'a1', 'a2']);
  });

  it('fails a delivery at once, saying why, when its target is gone or disabled', async () => {
    target = null;
    const [gone] = await store.enqueue([row('g', 'a')]);
    await deliverer.tick();
    expect(await store.get(gone!)).toMatchObject({ status: 'failed', attempts: 1, error: 'channel chn_1 was deleted' });
    target = { url: 'https://example.com', secret: 's', enabled: false, timeoutMs: 1_000 };
    const [off] = await store.enqueue([row('g', 'b')]);
    await deliverer.tick();
    expect(await store.get(off!)).toMatchObject({ status: 'failed', error: 'channel chn_1 is disabled' });
    expect(sent).toHaveLength(0);
  });

  it('treats a redirect as a failed answer (it is not followed)', async () => {
    answer = () => reply(302);
    const [id] = await store.enqueue([row('g', 'a')]);
    await deliverer.tick();
    expect(await store.get(id!)).toMatchObject({
      status: 'pending',
      responseStatus: 302,
      responseExcerpt: 'answer 302',
    });
  });
});

describe('a target with its own idea of success', () => {
  it('is retried when its check refuses a 2xx (Slack answers 200 "ok", or 200 with an error word)', async () => {
    target = { ...target!, accepts: (r) => r.status === 200 && r.body === 'ok' };
    answer = () => ({ status: 200, latencyMs: 1, body: 'invalid_token', error: null });
    const [id] = await store.enqueue([row('g', 'a')]);
    await deliverer.tick();
    expect(await store.get(id!)).toMatchObject({
      status: 'pending',
      responseStatus: 200,
      responseExcerpt: 'invalid_token',
    });
    answer = () => ({ status: 200, latencyMs: 1, body: 'ok', error: null });
    clock.advance(1_000);
    await deliverer.tick();
    expect(await store.get(id!)).toMatchObject({ status: 'delivered', attempts: 2 });
  });
});
