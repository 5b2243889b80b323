import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userActor } from '@/server/core/testing/actors';
import { adminPrincipal, callerAs, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime({ FLIGHTDECK_ALERT_EVAL_MS: '150', FLIGHTDECK_ALERT_RESOLVE_DELAY_MS: '0' });
  await callerAs(rt, adminPrincipal).alerts.rules.update({ id: 'builtin:no-capable-agent', forMs: 0 });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);
const alice = () => callerAs(rt, userActor('alice', 'operator'));
const fast = { latencyMs: { min: 20, max: 60 }, failureRate: 0, progressSteps: 1, heartbeatIntervalMs: 200 };

async function noCapableAgentAlert(capability: string) {
  let id = '';
  await expect
    .poll(
      async () => {
        const { items } = await admin().alerts.list({ state: 'firing' });
        id = items.find((a) => a.ruleId === 'builtin:no-capable-agent' && a.labels.capability === capability)?.id ?? '';
        return id;
      },
      { timeout: 10_000 },
    )
    .not.toBe('');
  return id;
}

const stateOf = async (id: string) => (await admin().alerts.get({ id })).state;

describe('remedies that bring a capable agent', () => {
  it('scale-pool adds an agent to a pool with the capability, and the alert resolves', async () => {
    const pool = await admin().pools.create({
      name: 'render-pool',
      capabilities: ['render'],
      provider: 'simulated',
      providerSettings: fast,
      minSize: 0,
      maxSize: 0,
    });
    await admin().tasks.submit({ title: 'render it', capabilities: ['render'] });
    const id = await noCapableAgentAlert('render');
    const detail = await admin().alerts.get({ id });
    expect(detail.affects.pools).toEqual([{ id: pool.id, name: 'render-pool' }]);
    expect(detail.remedies.map((r) => r.action)).toContain('scale-pool');

    const { did } = await alice().alerts.remedy({ id, action: 'scale-pool', by: 1 });
    expect(did).toContain('render-pool');
    expect(await admin().pools.get({ id: pool.id })).toMatchObject({ pool: { minSize: 1, maxSize: 1 } });
    await expect.poll(() => stateOf(id), { timeout: 15_000 }).toBe('resolved');
    const { timeline } = await admin().alerts.get({ id });
    expect(timeline.map((t) => t.kind)).toEqual(['pending', 'firing', 'remedy', 'resolved']);
    expect(timeline[2]).toMatchObject({ actor: { name: 'alice' }, reason: expect.stringContaining('render-pool') });
  });

  it('wake-pool wakes a sleeping agent with the capability, and the alert resolves', async () => {
    const { agentId, caller } = await registerAgent(rt, { name: 'painter-1', capabilities: ['paint'] });
    await caller.agents.heartbeat({});
    await admin().agents.sleep({ id: agentId });
    await admin().tasks.submit({ title: 'paint it', capabilities: ['paint'] });
    const id = await noCapableAgentAlert('paint');
    const detail = await admin().alerts.get({ id });
    expect(detail.remedies.map((r) => r.action)).toContain('wake-pool');
    expect(detail.affects.agents).toEqual([{ id: agentId, name: 'painter-1', status: 'sleeping' }]);

    await expect(
      callerAs(rt, userActor('vic', 'viewer')).alerts.remedy({ id, action: 'wake-pool' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const { did } = await alice().alerts.remedy({ id, action: 'wake-pool' });
    expect(did).toBe('woke painter-1');
    await expect.poll(() => stateOf(id), { timeout: 10_000 }).toBe('resolved');
  });

  it('assigns an alert only to a user that exists', async () => {
    await admin().tasks.submit({ title: 'sculpt it', capabilities: ['sculpt'] });
    const id = await noCapableAgentAlert('sculpt');
    await expect(alice().alerts.assign({ id, to: 'nobody-here' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await alice().alerts.assign({ id, to: 'admin' })).toMatchObject({ assignee: 'admin', state: 'firing' });
    const { timeline } = await admin().alerts.get({ id });
    expect(timeline.at(-1)).toMatchObject({ kind: 'assigned', reason: 'assigned to admin by alice' });
  });
});
