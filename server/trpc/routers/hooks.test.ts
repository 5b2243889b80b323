import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminPrincipal,
  callerAs,
  registerAgent,
  startTestRuntime,
  type TestRuntime,
} from '@/server/testing/test-runtime';
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from '@/server/testing/webhook-receiver';

// The runtime's own delivery queue and safe sender (private addresses allowed), with a short
// retry schedule so giving up takes seconds: 6 attempts, 200 ms doubling (give-up after 3–6 s).
const MAX_ATTEMPTS = 6;
let rt: TestRuntime;
const receivers: WebhookReceiver[] = [];
beforeAll(async () => {
  rt = await startTestRuntime({
    FLIGHTDECK_DELIVERY_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    FLIGHTDECK_DELIVERY_RETRY_BASE_MS: '200',
  });
});
afterAll(async () => {
  await rt?.dispose();
  await Promise.all(receivers.map((r) => r.close()));
});

const admin = () => callerAs(rt, adminPrincipal);
const viewer = () => callerAs(rt, { kind: 'user', id: 'usr_v', name: 'vera', role: 'viewer' });
const WAIT = { timeout: 15_000, interval: 50 };

/** A subscription to `patterns` whose deliveries go to a receiver of its own, which checks its secret. */
async function subscribe(name: string, patterns: string[]) {
  const rx = await startWebhookReceiver();
  receivers.push(rx);
  const { hook, secret } = await admin().hooks.create({ name, url: rx.url, patterns });
  rx.secret = secret;
  return { hook, rx };
}
const about = (rx: WebhookReceiver, subject: string) => rx.requests.filter((r) => r.json().subject === subject);
const names = (reqs: ReceivedRequest[]) => reqs.map((r) => r.eventName);
const submitQueued = async (title: string) =>
  (await admin().tasks.submit({ tasks: [{ title, capabilities: [`nobody-${title}`] }] })).ids[0]!;

describe('hook subscriptions', () => {
  it('answers the secret once, never in a list, and names a bad pattern’s field', async () => {
    const rx = await startWebhookReceiver();
    receivers.push(rx);
    const { hook, secret } = await admin().hooks.create({
      name: 'outcomes',
      url: rx.url,
      patterns: ['task:succeeded', 'task:failed'],
    });
    expect(secret).toMatch(/^whsec_/);
    expect(hook).toMatchObject({ kind: 'event', patterns: ['task:succeeded', 'task:failed'], enabled: true });
    const listed = await viewer().hooks.list();
    expect(listed.find((h) => h.id === hook.id)).toEqual(hook);
    expect(JSON.stringify(listed)).not.toContain(secret);

    await expect(
      admin().hooks.create({ name: 'typo', url: rx.url, patterns: ['task:*', 'task:exploded'] }),
    ).rejects.toThrow(/^patterns\[1\]: `task:exploded` matches no hook event/);
    await expect(admin().hooks.create({ name: 'outcomes', url: rx.url, patterns: ['*'] })).rejects.toThrow(
      /already exists/,
    );
    await expect(viewer().hooks.create({ name: 'v', url: rx.url, patterns: ['*'] })).rejects.toThrow();
    expect(await admin().hooks.delete({ id: hook.id })).toEqual({ id: hook.id });
    await expect(admin().hooks.delete({ id: hook.id })).rejects.toThrow(/not found/);
  });

  it('lists the catalogue with an example body per event', async () => {
    const catalogue = await viewer().hooks.catalogue();
    const succeeded = catalogue.find((e) => e.name === 'task:succeeded')!;
    expect(succeeded).toMatchObject({ source: 'task:completed', example: { event: 'task:succeeded' } });
    expect(Object.keys(succeeded.example)).toEqual(['id', 'event', 'at', 'subject', 'data']);
  });

  it('POSTs a task’s lifecycle in order, signed with the secret shown at create; a redelivery is a copy with a new id', async () => {
    const { hook, rx } = await subscribe('lifecycle', ['task:*']);
    const agent = await registerAgent(rt, { name: 'w1', capabilities: ['hooks-life'] });
    await agent.caller.agents.heartbeat({});
    const { ids } = await admin().tasks.submit({ tasks: [{ title: 'one', capabilities: ['hooks-life'] }] });
    const work = await agent.caller.work.poll({ waitMs: 2_000, start: true });
    expect(work?.taskId).toBe(ids[0]);
    await agent.caller.work.complete({ taskId: work!.taskId, leaseToken: work!.leaseToken });

    const subject = `task:${ids[0]}`;
    const lifecycle = ['task:submitted', 'task:assigned', 'task:started', 'task:succeeded'];
    await expect.poll(() => names(about(rx, subject)), WAIT).toEqual(lifecycle);
    const got = about(rx, subject);
    for (const r of got) {
      expect(r).toMatchObject({ method: 'POST', signatureValid: true });
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['user-agent']).toMatch(/^Flightdeck\//);
      expect(r.deliveryId).toMatch(/^dlv_/);
      const body = r.json();
      expect(Object.keys(body)).toEqual(['id', 'event', 'at', 'subject', 'data']);
      expect(body).toMatchObject({ event: r.eventName, subject, data: { taskId: ids[0] } });
      expect(new Date(body.at).toISOString()).toBe(body.at);
    }
    expect(new Set(got.map((r) => r.deliveryId)).size).toBe(lifecycle.length);
    expect(got[3]!.json().data).toMatchObject({ status: 'succeeded', agentId: agent.agentId });
    // Event ids grow with the log.
    const positions = got.map((r) => Number(r.json().id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    const delivered = got.map((r) => ({ id: r.deliveryId, eventName: r.eventName, status: 'delivered', attempts: 1 }));
    const logOf = async () =>
      (await admin().hooks.deliveries({ id: hook.id })).items.filter((d) => d.subject === subject).reverse();
    await expect.poll(logOf, WAIT).toEqual(delivered.map((d) => expect.objectContaining(d)));

    const done = (await logOf())[3]!;
    const copy = await admin().hooks.redeliver({ deliveryId: done.id });
    expect(copy).toMatchObject({ replayOf: done.id, body: done.body, subject, eventName: 'task:succeeded' });
    expect(copy.id).not.toBe(done.id);
    await expect.poll(() => rx.requests.length, WAIT).toBe(lifecycle.length + 1);
    const replay = rx.requests.at(-1)!;
    expect(replay).toMatchObject({ deliveryId: copy.id, eventName: 'task:succeeded', signatureValid: true });
    expect(replay.body).toBe(got[3]!.body);
    await expect
      .poll(async () => (await admin().hooks.deliveries({ id: hook.id })).items[0], WAIT)
      .toMatchObject({ id: copy.id, replayOf: done.id, status: 'delivered' });
    await expect(admin().hooks.redeliver({ deliveryId: 'dlv_nope' })).rejects.toThrow(/not found/);
    await admin().hooks.delete({ id: hook.id });
  });

  it('a failing subject holds back only itself: the others arrive, and it follows in order once the receiver recovers, each retry with the same id', async () => {
    const { hook, rx } = await subscribe('ordered', ['task:*']);
    let held: string | null = null; // until its id is known, everything fails (only A exists then)
    let down = true;
    rx.respond = (r) =>
      down && (held === null || r.json().subject === held)
        ? { status: 500, body: 'A is down' }
        : { status: 200, body: 'ok' };
    const a = await submitQueued('order-a');
    held = `task:${a}`;
    await admin().tasks.cancel({ id: a });
    const b = await submitQueued('order-b');
    await admin().tasks.cancel({ id: b });

    await expect.poll(() => names(about(rx, `task:${b}`)), WAIT).toEqual(['task:submitted', 'task:cancelled']);
    await expect.poll(() => about(rx, held!).length, WAIT).toBeGreaterThanOrEqual(2);
    expect(names(about(rx, held))).toEqual(about(rx, held).map(() => 'task:submitted'));

    down = false;
    await expect.poll(() => names(about(rx, held!)).at(-1), WAIT).toBe('task:cancelled');
    const seen = about(rx, held);
    const tries = seen.slice(0, -1);
    expect(names(tries)).toEqual(tries.map(() => 'task:submitted'));
    expect(new Set(tries.map((r) => r.deliveryId)).size).toBe(1);
    expect(seen.at(-1)!.deliveryId).not.toBe(tries[0]!.deliveryId);
    expect(seen.every((r) => r.signatureValid)).toBe(true);
    await expect
      .poll(async () => (await admin().hooks.deliveries({ id: hook.id })).items.filter((d) => d.subject === held), WAIT)
      .toEqual([
        expect.objectContaining({ eventName: 'task:cancelled', status: 'delivered', attempts: 1 }),
        expect.objectContaining({
          id: tries[0]!.deliveryId,
          eventName: 'task:submitted',
          status: 'delivered',
          attempts: tries.length,
          responseStatus: 200,
        }),
      ]);
    await admin().hooks.delete({ id: hook.id });
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts into the delivery log (failed, attempts, response excerpt), and the subject moves on`, async () => {
    const { hook, rx } = await subscribe('gives-up', ['task:*']);
    let doomed: string | null = null;
    rx.respond = (r) =>
      doomed === null || (r.json().subject === doomed && r.eventName === 'task:submitted')
        ? { status: 503, body: 'receiver down for maintenance' }
        : { status: 200, body: 'ok' };
    const c = await submitQueued('doomed');
    doomed = `task:${c}`;
    await admin().tasks.cancel({ id: c });

    const submitted = Array<string>(MAX_ATTEMPTS).fill('task:submitted');
    await expect.poll(() => names(about(rx, doomed!)), WAIT).toEqual([...submitted, 'task:cancelled']);
    const tries = about(rx, doomed).slice(0, MAX_ATTEMPTS);
    expect(new Set(tries.map((r) => r.deliveryId)).size).toBe(1);
    await expect
      .poll(
        async () => (await admin().hooks.deliveries({ id: hook.id })).items.filter((d) => d.subject === doomed),
        WAIT,
      )
      .toEqual([
        expect.objectContaining({ eventName: 'task:cancelled', status: 'delivered', attempts: 1 }),
        expect.objectContaining({
          id: tries[0]!.deliveryId,
          eventName: 'task:submitted',
          status: 'failed',
          attempts: MAX_ATTEMPTS,
          responseStatus: 503,
          responseExcerpt: 'receiver down for maintenance',
        }),
      ]);
    await admin().hooks.delete({ id: hook.id });
  });

  it('pages the delivery log newest first', async () => {
    const { hook } = await subscribe('agents', ['agent:registered']);
    for (const name of ['p1', 'p2', 'p3']) await registerAgent(rt, { name });
    await expect.poll(async () => (await admin().hooks.deliveries({ id: hook.id })).items, WAIT).toHaveLength(3);
    const first = await admin().hooks.deliveries({ id: hook.id, limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    const rest = await admin().hooks.deliveries({ id: hook.id, limit: 2, cursor: first.nextCursor });
    const agents = [...first.items, ...rest.items].map((d) => JSON.parse(d.body).data.name);
    expect(agents).toEqual(['p3', 'p2', 'p1']);
  });
});
