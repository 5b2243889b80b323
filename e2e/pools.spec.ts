import { createHash } from 'node:crypto';
import { expect, expectLive, test } from './fixtures';
import { uniqueName } from './support/api';

interface Pool {
  id: string;
  name: string;
}
interface Decision {
  action: string;
  reason: string;
}

// Real `flightdeck agent` child processes running a shell command: slower than in-process agents.
test.setTimeout(150_000);

test('a pool of process agents with the shell adapter scales from 0 for queued tasks, streams their progress live, and back to 0 when idle', async ({
  adminPage: page,
  api,
}) => {
  const capability = uniqueName('e2e-shell');
  const pool = await api.mutate<Pool>('pools.create', {
    name: uniqueName('e2e-pool')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-'),
    capabilities: [capability],
    provider: 'process',
    adapter: 'shell',
    // The shell adapter's progress protocol: each line becomes live progress on the task page.
    providerSettings: {
      command:
        'for i in 1 2 3 4 5 6; do echo "::progress $((i*15)) step $i of $FLIGHTDECK_TASK_TITLE"; sleep 1.5; done; echo finished',
    },
    minSize: 0,
    maxSize: 2,
    targetBacklogPerAgent: 1,
    idleTimeoutMs: 3_000,
    scaleUpCooldownMs: 0,
    scaleDownCooldownMs: 0,
  });

  await page.goto(`/pools/${pool.id}`);
  await expectLive(page);
  await expect(page.getByTestId('pool-size')).toHaveText('0');

  const titles = [uniqueName('shell task'), uniqueName('shell task')];
  const { ids } = await api.mutate<{ ids: string[] }>('tasks.submit', {
    tasks: titles.map((title) => ({ title, capabilities: [capability] })),
  });

  // The autoscaler starts agents for the backlog; the page follows without a reload.
  await expect(page.getByTestId('pool-size')).toHaveText('2', { timeout: 20_000 });
  await expect(page.getByTestId('scale-decisions')).toContainText(`backlog 2 for ${capability}`);

  // One task's page shows the worker's progress lines as they come.
  await page.goto(`/tasks/${ids[0]}`);
  await expectLive(page);
  const log = page.getByTestId('progress-log');
  await expect(log).toContainText(`step 2 of ${titles[0]}`, { timeout: 40_000 });
  // Still running while its later steps arrive: the page is following, not loading a finished task.
  await expect(page.getByTestId('task-status')).toHaveText('running');
  await expect(log).toContainText(`step 6 of ${titles[0]}`, { timeout: 20_000 });
  await expect(page.getByTestId('task-status')).toHaveText('succeeded', { timeout: 20_000 });
  await expect(page.getByTestId('task-agent')).toHaveText(new RegExp(`^${pool.name}-\\d$`));

  // Idle past the pool's timeout, both agents are removed: the pool is back to 0.
  await page.goto(`/pools/${pool.id}`);
  await expectLive(page);
  await expect(page.getByTestId('pool-size')).toHaveText('0', { timeout: 45_000 });
  const decisions = await api.query<Decision[]>('pools.decisions', { id: pool.id, limit: 20 });
  expect(decisions.map((d) => d.action)).toEqual(expect.arrayContaining(['scale-up', 'scale-down']));
  await expect(page.getByTestId('scale-decisions')).toContainText('idle ≥ 3 s');
  for (const id of ids) expect((await api.query<{ status: string }>('tasks.get', { id })).status).toBe('succeeded');
  await api.mutate('pools.remove', { id: pool.id });
});

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

test('a process pool shows why it holds back (sleep window, in its time zone), never shows its env values, and an edit replaces one without touching the rest', async ({
  adminPage: page,
  api,
}) => {
  const capability = uniqueName('e2e-held');
  const secret = `sk-e2e-${Math.random().toString(36).slice(2)}`;
  const replaced = `sk-e2e-new-${Math.random().toString(36).slice(2)}`;
  // The task succeeds only if the agent received the replaced key (compared by hash: the command is no secret).
  const command = `test "$(printf %s "$AGENT_API_KEY" | sha256sum | cut -c1-64)" = ${createHash('sha256').update(replaced).digest('hex')}`;
  // Today and tomorrow in Tokyo: asleep until the day after tomorrow, 00:00 Tokyo time.
  const tz = 'Asia/Tokyo';
  const today = DAYS.indexOf(new Intl.DateTimeFormat('en-US', { timeZone: tz, weekday: 'short' }).format(new Date()));
  const window = `${DAYS[today]},${DAYS[(today + 1) % 7]} 00:00-24:00`;
  const pool = await api.mutate<Pool>('pools.create', {
    name: uniqueName('e2e-held')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-'),
    capabilities: [capability],
    provider: 'process',
    adapter: 'shell',
    providerSettings: { command, env: { AGENT_API_KEY: secret } },
    minSize: 0,
    maxSize: 1,
    targetBacklogPerAgent: 1,
    idleTimeoutMs: 3_000,
    scaleUpCooldownMs: 0,
    scaleDownCooldownMs: 0,
    sleepWindows: [window],
    timeZone: tz,
  });
  const { ids } = await api.mutate<{ ids: string[] }>('tasks.submit', {
    title: uniqueName('held task'),
    capabilities: [capability],
  });

  await page.goto(`/pools/${pool.id}`);
  await expectLive(page);
  const wakes = `${DAYS[(today + 2) % 7]} 00:00 ${tz}`;
  await expect(page.getByTestId('pool-hold')).toContainText(`is asleep until ${wakes} (sleep window ${window} ${tz})`);
  await expect(page.getByTestId('scale-decisions')).toContainText(
    `held: sleep window ${window} (${tz}) until ${wakes}`,
  );
  await expect(page.getByTestId('pool-env')).toContainText('AGENT_API_KEY set');
  expect(await page.content()).not.toContain(secret);

  // The task says which pool holds it and until when.
  await page.goto(`/tasks/${ids[0]}`);
  await expect(page.getByTestId('pending-message')).toHaveText(
    `pool ${pool.name} is asleep until ${wakes} (sleep window ${window} ${tz})`,
  );

  // Replace the key in the editor: the form shows only set / not set, and sends only what changed.
  await page.goto(`/pools/${pool.id}`);
  await expectLive(page);
  await page.getByRole('button', { name: 'Edit' }).click();
  const row = page.getByTestId('env-row-AGENT_API_KEY');
  await expect(row.getByTestId('env-state')).toHaveText('set');
  await row.getByRole('button', { name: 'Replace' }).click();
  await row.getByLabel('New value of AGENT_API_KEY').fill(replaced);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.locator('[data-toast="success"]').filter({ hasText: `Pool ${pool.name} saved: environment` }),
  ).toBeVisible();
  const saved = await api.query<{ pool: Record<string, unknown> }>('pools.get', { id: pool.id });
  expect(saved.pool).toMatchObject({
    sleepWindows: [window],
    timeZone: tz,
    providerSettings: { command, env: { AGENT_API_KEY: { set: true } } },
  });
  expect(JSON.stringify(saved)).not.toContain(secret);

  // Lifting the sleep window: the pool starts an agent, which gets the new key and runs the task.
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Sleep windows').fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.locator('[data-toast="success"]').filter({ hasText: `Pool ${pool.name} saved: sleep windows` }),
  ).toBeVisible();
  await expect(page.getByTestId('pool-hold')).toHaveCount(0);
  await expect
    .poll(async () => (await api.query<{ status: string }>('tasks.get', { id: ids[0] })).status, { timeout: 60_000 })
    .toBe('succeeded');
  expect(await page.content()).not.toContain(replaced);
  await api.mutate('pools.remove', { id: pool.id });
});
