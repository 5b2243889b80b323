import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_ACTIVITIES } from '@/server/core/model';
import { startTestRuntime } from '@/server/testing/test-runtime';
import { userContext } from '@/server/core/testing/actors';

type Rt = Awaited<ReturnType<typeof startTestRuntime>>;
let rt: Rt;
beforeAll(async () => {
  rt = await startTestRuntime({
    FLIGHTDECK_DEMO: '1',
    FLIGHTDECK_DEMO_AGENTS: '3',
    FLIGHTDECK_DEMO_TASKS_PER_MIN: '30',
  });
});
afterAll(async () => rt?.dispose());

describe('demo fleet (what a first `npm start` shows)', () => {
  it('registers its agents, routes its tasks, and a burst of migrations scales the demo pool up from 0', async () => {
    const agents = await rt.core.views.listAgents(userContext('demo-test'), { search: 'demo-', limit: 500 });
    const fleet = agents.items.filter((a) => a.name.startsWith('demo-') && !a.poolId);
    expect(fleet).toHaveLength(3);
    // Their activity is reported like a real worker's, so the Agents page shows what they do.
    for (const a of fleet) expect(AGENT_ACTIVITIES).toContain(a.activity?.state);
    const pool = (await rt.core.pools.list()).find((p) => p.name === 'demo-migrations');
    expect(pool).toMatchObject({ provider: 'simulated', minSize: 0, capabilities: ['migration'] });

    // The first burst comes 5 s after the start; the autoscaler answers it with a recorded decision.
    await expect
      .poll(async () => (await rt.core.pools.decisions(pool!.id, 10)).map((d) => d.reason).join('\n'), {
        timeout: 20_000,
        interval: 500,
      })
      .toMatch(/backlog \d+ for `migration`, 0 agents awake, target 3\/agent → \+\d/);
    await expect
      .poll(
        async () =>
          (await rt.core.views.listAgents(userContext('demo-test'), { limit: 500 })).items.some(
            (a) => a.poolId === pool!.id && a.activity?.state === 'working',
          ),
        { timeout: 20_000, interval: 500 },
      )
      .toBe(true);
  }, 45_000);
});
