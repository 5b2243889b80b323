import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  // The autoscaler runs only when a test asks (tick), so each step is observable.
  rt = await startTestRuntime({ LOG_LEVEL: 'error', FLIGHTDECK_AUTOSCALE_INTERVAL_MS: '600000' });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);
const fast = { latencyMs: { min: 20, max: 60 }, failureRate: 0, progressSteps: 1, heartbeatIntervalMs: 200 };
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Today's weekday in `timeZone`, as a sleep window names it. */
function today(timeZone: string): number {
  return DAYS.indexOf(new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(new Date()));
}

async function ticks(n: number) {
  for (let i = 0; i < n; i++) await rt.core.autoscaleNow();
}

describe('a pool holding back', () => {
  it('in a sleep window: records the hold once, names it in the pending reason with its time zone, and scales once it is lifted', async () => {
    // Today and tomorrow in Tokyo, whole days: asleep until the day after tomorrow, 00:00 Tokyo time.
    const tz = 'Asia/Tokyo';
    const d = today(tz);
    const window = `${DAYS[d]},${DAYS[(d + 1) % 7]} 00:00-24:00`;
    const pool = await admin().pools.create({
      name: 'sleepy',
      capabilities: ['sleepy'],
      provider: 'simulated',
      providerSettings: fast,
      maxSize: 2,
      scaleUpCooldownMs: 0,
      sleepWindows: [window],
      timeZone: tz,
    });
    expect(pool.timeZone).toBe(tz);
    const { ids } = await admin().tasks.submit({ title: 'wait for morning', capabilities: ['sleepy'] });
    await ticks(3);

    const holds = (await admin().pools.decisions({ id: pool.id, limit: 10 })).filter((x) => x.action === 'hold');
    expect(holds).toHaveLength(1);
    const wakes = `${DAYS[(d + 2) % 7]} 00:00 ${tz}`;
    expect(holds[0].reason).toBe(
      `backlog 1 for \`sleepy\`, 0 agents awake, target 2/agent → +1 held: sleep window \`${window}\` (${tz}) until ${wakes}`,
    );
    expect((await admin().pools.get({ id: pool.id })).pool.hold).toMatchObject({ kind: 'sleep-window' });
    expect(await admin().tasks.whyPending({ id: ids[0] })).toEqual({
      code: 'pool-held',
      message: `pool \`sleepy\` is asleep until ${wakes} (sleep window \`${window}\` ${tz})`,
    });
    expect((await admin().tasks.list({ status: ['queued'], search: 'wait for morning' })).pending[ids[0]].code).toBe(
      'pool-held',
    );

    // Lifting the window is a change the autoscaler acts on at once.
    await admin().pools.update({ id: pool.id, sleepWindows: [] });
    await ticks(1);
    expect((await admin().pools.get({ id: pool.id })).pool).toMatchObject({ size: 1, hold: null });
    await expect
      .poll(async () => (await admin().tasks.get({ id: ids[0] })).status, { timeout: 10_000 })
      .toBe('succeeded');
  });

  it('disabled with backlog: the hold is recorded once and named in the pending reason', async () => {
    const pool = await admin().pools.create({
      name: 'off',
      capabilities: ['off'],
      provider: 'simulated',
      providerSettings: fast,
      enabled: false,
    });
    await ticks(1);
    expect(await admin().pools.decisions({ id: pool.id, limit: 5 })).toEqual([]);
    const { ids } = await admin().tasks.submit({ title: 'for a disabled pool', capabilities: ['off'] });
    await ticks(3);
    const decisions = await admin().pools.decisions({ id: pool.id, limit: 5 });
    expect(decisions.map((x) => [x.action, x.reason])).toEqual([['hold', 'backlog 1 for `off` held: pool disabled']]);
    expect(await admin().tasks.whyPending({ id: ids[0] })).toEqual({
      code: 'pool-held',
      message: 'pool `off` is disabled',
    });
    await admin().tasks.cancel({ id: ids[0] });
    await ticks(1);
    expect((await admin().pools.get({ id: pool.id })).pool.hold).toBeNull();
  });

  it('refuses a time zone it does not know, naming the field', async () => {
    await expect(
      admin().pools.create({ name: 'nowhere', capabilities: ['x'], provider: 'simulated', timeZone: 'Mars/Olympus' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('timeZone') });
    const pool = await admin().pools.create({
      name: 'somewhere',
      capabilities: ['x'],
      provider: 'simulated',
      enabled: false,
    });
    await expect(admin().pools.update({ id: pool.id, timeZone: 'Berlin' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('timeZone'),
    });
    expect((await admin().pools.update({ id: pool.id, timeZone: 'Europe/Berlin' })).timeZone).toBe('Europe/Berlin');
  });
});
