import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MemoryDeliveries } from '@/server/core/testing/memory-deliveries';
import { adminPrincipal, callerAs, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';

// The delivery queue is H2's store once merged; until then the in-memory one with the same rules.
const queue = new MemoryDeliveries();
let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime({ FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS: '1' }, { outgoing: { deliveries: queue } });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);
const viewer = () => callerAs(rt, { kind: 'user', id: 'usr_v', name: 'vera', role: 'viewer' });
const WAIT = { timeout: 10_000, interval: 50 };

describe('hook subscriptions', () => {
  it('answers the secret once, never in a list, and names a bad pattern’s field', async () => {
    const { hook, secret } = await admin().hooks.create({
      name: 'outcomes',
      url: 'https://ci.example.com/hook',
      patterns: ['task:succeeded', 'task:failed'],
    });
    expect(secret).toMatch(/^whsec_/);
    expect(hook).toMatchObject({ kind: 'event', patterns: ['task:succeeded', 'task:failed'], enabled: true });
    const listed = await viewer().hooks.list();
    expect(listed.find((h) => h.id === hook.id)).toEqual(hook);
    expect(JSON.stringify(listed)).not.toContain(secret);

    await expect(
      admin().hooks.create({ name: 'typo', url: 'https://x.example.com', patterns: ['task:*', 'task:exploded'] }),
    ).rejects.toThrow(/^patterns\[1\]: `task:exploded` matches no hook event/);
    await expect(
      admin().hooks.create({ name: 'outcomes', url: 'https://x.example.com', patterns: ['*'] }),
    ).rejects.toThrow(/already exists/);
    await expect(viewer().hooks.create({ name: 'v', url: 'https://x.example.com', patterns: ['*'] })).rejects.toThrow();
    expect(await admin().hooks.delete({ id: hook.id })).toEqual({ id: hook.id });
    await expect(admin().hooks.delete({ id: hook.id })).rejects.toThrow(/not found/);
  });

  it('lists the catalogue with an example body per event', async () => {
    const catalogue = await viewer().hooks.catalogue();
    const succeeded = catalogue.find((e) => e.name === 'task:succeeded')!;
    expect(succeeded).toMatchObject({ source: 'task:completed', example: { event: 'task:succeeded' } });
    expect(Object.keys(succeeded.example)).toEqual(['id', 'event', 'at', 'subject', 'data']);
  });

  it('queues one delivery per event in log order per subject, and redelivers a copy', async () => {
    const { hook } = await admin().hooks.create({
      name: 'tasks',
      url: 'https://ci.example.com/t',
      patterns: ['task:*'],
    });
    const agent = await registerAgent(rt, { name: 'w1', capabilities: ['hooks-e2e'] });
    await agent.caller.agents.heartbeat({});
    const { ids } = await admin().tasks.submit({ tasks: [{ title: 'one', capabilities: ['hooks-e2e'] }] });
    const work = await agent.caller.work.poll({ waitMs: 2_000, start: true });
    expect(work?.taskId).toBe(ids[0]);
    await agent.caller.work.complete({ taskId: work!.taskId, leaseToken: work!.leaseToken });

    const subject = `task:${ids[0]}`;
    const expected = ['task:submitted', 'task:assigned', 'task:started', 'task:succeeded'];
    await vi.waitFor(async () => {
      const { items } = await admin().hooks.deliveries({ id: hook.id });
      expect(
        items
          .filter((d) => d.subject === subject)
          .map((d) => d.eventName)
          .reverse(),
      ).toEqual(expected);
    }, WAIT);
    const { items } = await admin().hooks.deliveries({ id: hook.id });
    const done = items.find((d) => d.eventName === 'task:succeeded')!;
    expect(JSON.parse(done.body)).toMatchObject({
      event: 'task:succeeded',
      subject,
      data: { taskId: ids[0], status: 'succeeded' },
    });
    const copy = await admin().hooks.redeliver({ deliveryId: done.id });
    expect(copy).toMatchObject({
      replayOf: done.id,
      body: done.body,
      subject,
      status: 'pending',
      eventName: 'task:succeeded',
    });
    expect(copy.id).not.toBe(done.id);
    expect((await admin().hooks.deliveries({ id: hook.id })).items[0].id).toBe(copy.id);
    await expect(admin().hooks.redeliver({ deliveryId: 'dlv_nope' })).rejects.toThrow(/not found/);
    await admin().hooks.delete({ id: hook.id });
  });

  it('pages the delivery log newest first', async () => {
    const { hook } = await admin().hooks.create({
      name: 'agents',
      url: 'https://ci.example.com/a',
      patterns: ['agent:*'],
    });
    for (const name of ['p1', 'p2', 'p3']) await registerAgent(rt, { name });
    await vi.waitFor(async () => expect((await admin().hooks.deliveries({ id: hook.id })).items).toHaveLength(3), WAIT);
    const first = await admin().hooks.deliveries({ id: hook.id, limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    const rest = await admin().hooks.deliveries({ id: hook.id, limit: 2, cursor: first.nextCursor });
    const names = [...first.items, ...rest.items].map((d) => JSON.parse(d.body).data.name);
    expect(names).toEqual(['p3', 'p2', 'p1']);
  });
});
