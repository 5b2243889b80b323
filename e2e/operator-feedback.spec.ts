import type { Locator, Page } from '@playwright/test';
import { expect, expectLive, test } from './fixtures';
import { uniqueName, type FlightdeckApi } from './support/api';

interface Work {
  taskId: string;
  leaseToken: string;
}
interface Policy {
  current: { strategy: string; weights: Record<string, number> };
  history: Array<{ strategy: string; changedBy: { kind: string; name: string }; weights: Record<string, number> }>;
}
interface Breaker {
  agent: { state: string };
  runtime: { state: string } | null;
  history: Array<{ to: string; by: { kind: string; name: string } | null }>;
}
interface Decision {
  action: string;
  reason: string;
}

/** The notice an action left, by what it says. */
const toast = (page: Page, text: string | RegExp, kind: 'success' | 'error' | 'info' = 'success'): Locator =>
  page.locator(`[data-toast="${kind}"]`).filter({ hasText: text });
const dialog = (page: Page) => page.getByRole('alertdialog');

/** An agent of its own capability and runtime (no demo agent or other test shares them), kept healthy. */
async function seedAgent(api: FlightdeckApi, prefix: string) {
  const capability = uniqueName(`${prefix}-cap`);
  const name = uniqueName(prefix);
  const agent = await api.startAgent({
    name,
    capabilities: [capability],
    runtime: uniqueName(`${prefix}-rt`),
    maxConcurrency: 2,
  });
  await api.heartbeat(agent.token);
  const keepAlive = setInterval(() => void api.heartbeat(agent.token).catch(() => {}), 4_000);
  return { ...agent, name, capability, stop: () => clearInterval(keepAlive) };
}

const statusOf = async (api: FlightdeckApi, id: string) =>
  (await api.query<{ status: string }>('agents.get', { id })).status;

test('agent lifecycle actions each say what they did; terminate asks first, and a cancelled confirmation changes nothing', async ({
  adminPage: page,
  api,
}) => {
  const busy = await seedAgent(api, 'e2e-fb-busy');
  const idle = await seedAgent(api, 'e2e-fb-idle');
  try {
    const {
      ids: [taskId],
    } = await api.submitTask({ title: uniqueName('e2e feedback task'), capabilities: [busy.capability] });
    // Started at once: a running task stays with its agent while heartbeats renew its lease.
    const work = await api.mutate<Work | null>('work.poll', { waitMs: 5000, start: true }, busy.token);
    expect(work?.taskId).toBe(taskId);

    await page.goto(`/agents/${busy.agentId}`);
    await expectLive(page);
    const actions = page.getByTestId('lifecycle-actions');

    // A refusal is an error notice with the server's reason.
    await actions.getByRole('button', { name: 'Sleep' }).click();
    await expect(toast(page, `Could not sleep agent ${busy.name}`, 'error')).toContainText(
      'it holds 1 task; drain it first',
    );

    await actions.getByRole('button', { name: 'Drain' }).click();
    const drained = toast(page, `Agent ${busy.name} is draining: it finishes its 1 task and takes nothing new`);
    await expect(drained).toBeVisible();
    await expect.poll(() => statusOf(api, busy.agentId)).toBe('draining');
    await drained.getByRole('button', { name: 'Undo' }).click();
    await expect(toast(page, `Agent ${busy.name} resumed: it takes new work again`, 'info')).toBeVisible();
    await expect.poll(() => statusOf(api, busy.agentId)).toBe('busy');

    await actions.getByRole('button', { name: 'Drain' }).click();
    await expect(actions.getByRole('button', { name: 'Resume' })).toBeVisible();
    await actions.getByRole('button', { name: 'Resume' }).click();
    await expect(toast(page, `Agent ${busy.name} resumed: it takes new work again`)).toBeVisible();

    // Terminate names the agent and its work; Cancel leaves both as they were.
    await actions.getByRole('button', { name: 'Terminate' }).click();
    await expect(dialog(page)).toContainText(`Terminate agent ${busy.name}?`);
    await expect(dialog(page)).toContainText('Its 1 task in progress goes back to the queue');
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog(page)).toHaveCount(0);
    expect(await statusOf(api, busy.agentId)).toBe('busy');
    expect((await api.query<{ status: string; agentId: string | null }>('tasks.get', { id: taskId })).agentId).toBe(
      busy.agentId,
    );

    await actions.getByRole('button', { name: 'Terminate' }).click();
    await dialog(page).getByRole('button', { name: 'Terminate' }).click();
    await expect(toast(page, `Agent ${busy.name} terminated: 1 task went back to the queue`)).toBeVisible();
    expect(await statusOf(api, busy.agentId)).toBe('terminated');
    expect((await api.query<{ status: string }>('tasks.get', { id: taskId })).status).toBe('queued');
    await api.mutate('tasks.cancel', { id: taskId });

    await page.goto(`/agents/${idle.agentId}`);
    await expectLive(page);
    await actions.getByRole('button', { name: 'Sleep' }).click();
    await expect(toast(page, `Agent ${idle.name} is asleep: it takes no work until it is woken`)).toBeVisible();
    await actions.getByRole('button', { name: 'Wake' }).click();
    await expect(toast(page, `Agent ${idle.name} is awake: it takes work again`)).toBeVisible();
    await expect.poll(() => statusOf(api, idle.agentId)).toBe('idle');
  } finally {
    busy.stop();
    idle.stop();
  }
});

test('breaker force-open asks first (agent and runtime), reset and force-open say what they did and land in the transitions', async ({
  adminPage: page,
  api,
}) => {
  const agent = await seedAgent(api, 'e2e-fb-breaker');
  const breaker = () => api.query<Breaker>('agents.breaker', { id: agent.agentId });
  try {
    await page.goto(`/agents/${agent.agentId}`);
    await expectLive(page);
    const own = page.getByTestId('breaker-agent');
    const runtime = page.getByTestId('breaker-runtime');

    await own.getByRole('button', { name: 'Force open' }).click();
    await expect(dialog(page)).toContainText(`Force open the breaker of agent ${agent.name}?`);
    await expect(dialog(page)).toContainText(`No new work goes to ${agent.name} until someone resets it`);
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    expect((await breaker()).agent.state).toBe('closed');
    expect((await breaker()).history).toEqual([]);

    await own.getByRole('button', { name: 'Force open' }).click();
    await dialog(page).getByRole('button', { name: 'Force open' }).click();
    await expect(
      toast(
        page,
        `Breaker of agent ${agent.name} forced open: no new work goes to ${agent.name} until someone resets it`,
      ),
    ).toBeVisible();
    await expect(own.getByTestId('breaker-state')).toHaveText('open');
    await own.getByRole('button', { name: 'Reset' }).click();
    await expect(toast(page, `Breaker of agent ${agent.name} reset: closed, with a fresh window`)).toBeVisible();
    await expect(own.getByTestId('breaker-state')).toHaveText('closed');

    await runtime.getByRole('button', { name: 'Force open' }).click();
    await expect(dialog(page)).toContainText(/Force open the breaker of runtime e2e-fb-breaker-rt-/);
    await expect(dialog(page)).toContainText('No new work goes to any agent of runtime');
    await dialog(page).getByRole('button', { name: 'Force open' }).click();
    await expect(toast(page, /Breaker of runtime e2e-fb-breaker-rt-\S+ forced open/)).toBeVisible();
    await expect(runtime.getByTestId('breaker-state')).toHaveText('open');
    await runtime.getByRole('button', { name: 'Reset' }).click();
    await expect(toast(page, /Breaker of runtime e2e-fb-breaker-rt-\S+ reset/)).toBeVisible();

    // Each action is in the breaker's history, by the operator, and on the page.
    expect((await breaker()).history.map((t) => [t.to, t.by && `${t.by.kind} ${t.by.name}`])).toEqual([
      ['closed', 'user admin'],
      ['open', 'user admin'],
      ['closed', 'user admin'],
      ['open', 'user admin'],
    ]);
    await expect(page.getByTestId('breaker-history').locator('tbody tr')).toHaveCount(4);
  } finally {
    agent.stop();
  }
});

test('a strategy change asks first, says what changed, and Undo restores the strategy and weights before it, recorded in the history', async ({
  adminPage: page,
  api,
}) => {
  // The Balancing page redraws its charts with every decision of the demo fleet: clicks there are slow on a busy machine.
  test.setTimeout(120_000);
  const before = (await api.query<Policy>('balancing.policy', {})).current;
  const target = before.strategy === 'least-loaded' ? 'round-robin' : 'least-loaded';
  await page.goto('/balancing');
  await expectLive(page);
  const form = page.getByRole('form', { name: 'Routing strategy' });
  try {
    // Cancelled: nothing changes, nothing is recorded.
    const changes = (await api.query<Policy>('balancing.policy', {})).history.length;
    await form.getByRole('radio', { name: new RegExp(`^${target}`) }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(dialog(page)).toContainText(`Switch routing to ${target} for the whole fleet?`);
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    const unchanged = await api.query<Policy>('balancing.policy', {});
    expect(unchanged.current).toMatchObject(before);
    expect(unchanged.history).toHaveLength(changes);

    await form.getByRole('button', { name: 'Save' }).click();
    await dialog(page)
      .getByRole('button', { name: `Switch to ${target}` })
      .click();
    const switched = toast(page, `Routing switched to ${target}`);
    await expect(switched).toBeVisible();
    expect((await api.query<Policy>('balancing.policy', {})).current.strategy).toBe(target);
    await switched.getByRole('button', { name: 'Undo' }).click();
    await expect(toast(page, `Routing back to ${before.strategy}: the change is undone`, 'info')).toBeVisible();
    await expect(page.getByTestId('current-strategy-name')).toHaveText(before.strategy);
    const after = await api.query<Policy>('balancing.policy', {});
    expect(after.current).toMatchObject({ strategy: before.strategy, weights: before.weights });
    expect(after.history.slice(0, 2).map((h) => [h.strategy, `${h.changedBy.kind} ${h.changedBy.name}`])).toEqual([
      [before.strategy, 'user admin'],
      [target, 'user admin'],
    ]);
    expect(after.history[0].weights).toEqual(before.weights);
    await expect(page.getByTestId('policy-history').locator('tbody tr').first()).toContainText(before.strategy);
  } finally {
    await api.mutate('balancing.setStrategy', { strategy: { name: before.strategy, weights: before.weights } });
  }
});

test('pool create, edit, disable / enable (with Undo) and delete each say what they did; delete names the pool and its agents and a cancel keeps them', async ({
  adminPage: page,
  api,
}) => {
  test.setTimeout(90_000);
  const name = uniqueName('e2e-fb-pool')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-');
  const capability = uniqueName('e2e-fb-pool-cap');
  await page.goto('/pools');
  await expectLive(page);
  await page.getByRole('button', { name: 'New pool' }).click();
  const create = page.getByRole('form', { name: 'New pool' });
  await create.getByLabel('Name').fill(name);
  await create.getByLabel('Capabilities').fill(capability);
  await create.getByLabel('Min size').fill('1');
  await create.getByLabel('Max size').fill('3');
  await create.getByRole('button', { name: 'Create pool' }).click();
  await expect(toast(page, `Pool ${name} created`)).toContainText('between 1 and 3 agents');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  const poolId = page.url().split('/').pop()!;
  const decisions = () => api.query<Decision[]>('pools.decisions', { id: poolId, limit: 20 });

  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('form', { name: 'Edit pool' }).getByLabel('Max size').fill('4');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(toast(page, `Pool ${name} saved: max size`)).toBeVisible();
  expect((await decisions())[0]).toMatchObject({ action: 'edit', reason: 'edited by admin: max size 3 → 4' });
  await expect(page.getByTestId('scale-decisions')).toContainText('edited by admin: max size 3 → 4');

  // The pool starts its one agent; disabling leaves it running, and the notice counts it.
  await expect(page.getByTestId('pool-size')).toHaveText('1', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Disable' }).click();
  const disabled = toast(page, `Pool ${name} disabled: the autoscaler leaves it and its 1 agent alone`);
  await expect(disabled).toBeVisible();
  await expect(page.getByTestId('pool-enabled')).toHaveText('disabled');
  await disabled.getByRole('button', { name: 'Undo' }).click();
  await expect(toast(page, `Pool ${name} enabled: the autoscaler sizes it to its backlog again`, 'info')).toBeVisible();
  await expect(page.getByTestId('pool-enabled')).toHaveText('enabled');
  expect((await decisions()).slice(0, 2).map((d) => d.action)).toEqual(['enable', 'disable']);

  // Delete names the pool and its agent; Cancel keeps both.
  const [member] = (await api.query<{ agents: Array<{ name: string }> }>('pools.get', { id: poolId })).agents;
  await page.getByRole('button', { name: 'Delete pool' }).click();
  await expect(dialog(page)).toContainText(`Delete pool ${name}?`);
  await expect(dialog(page).getByTestId('confirm-pool-agents')).toHaveText(member.name);
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  expect((await api.query<{ pool: { size: number } }>('pools.get', { id: poolId })).pool.size).toBe(1);

  await page.getByRole('button', { name: 'Delete pool' }).click();
  await dialog(page).getByRole('button', { name: 'Delete pool' }).click();
  await expect(toast(page, `Pool ${name} deleted: 1 agent terminated, their tasks back in the queue`)).toBeVisible();
  await expect(page).toHaveURL(/\/pools$/);
  expect((await api.query<Array<{ id: string }>>('pools.list', {})).map((p) => p.id)).not.toContain(poolId);
});

test('signing out says so on the sign-in page', async ({ adminPage: page }) => {
  await page.goto('/balancing');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(toast(page, 'Signed out', 'info')).toContainText('Your session on this browser has ended');
  await expect(page).toHaveURL(/\/signin$/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } });

  test('the pool actions and their confirmation fit a 390 px screen', async ({ adminPage: page, api }) => {
    const name = uniqueName('e2e-fb-phone')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-');
    const pool = await api.mutate<{ id: string }>('pools.create', {
      name,
      capabilities: [uniqueName('e2e-fb-phone-cap')],
      provider: 'simulated',
      enabled: false,
    });
    try {
      await page.goto(`/pools/${pool.id}`);
      await expectLive(page);
      await expect(page.getByTestId('pool-actions').getByRole('button', { name: 'Enable' })).toBeVisible();
      await page.getByRole('button', { name: 'Delete pool' }).click();
      const box = await dialog(page).boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await expect(dialog(page)).toContainText('It has no agents.');
      await dialog(page).getByRole('button', { name: 'Cancel' }).click();
      const sizes = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
      }));
      expect(sizes.doc, 'page scrolls sideways').toBeLessThanOrEqual(sizes.viewport);
    } finally {
      await api.mutate('pools.remove', { id: pool.id });
    }
  });
});
