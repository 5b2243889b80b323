import { expect, expectLive, test } from './fixtures';
import { uniqueName } from './support/api';

interface Pool { id: string; name: string }
interface Decision { action: string; reason: string }

// Real `flightdeck agent` child processes running a shell command: slower than in-process agents.
test.setTimeout(150_000);

test('a pool of process agents with the shell adapter scales from 0 for queued tasks, streams their progress live, and back to 0 when idle', async ({ adminPage: page, api }) => {
  const capability = uniqueName('e2e-shell');
  const pool = await api.mutate<Pool>('pools.create', {
    name: uniqueName('e2e-pool').toLowerCase().replace(/[^a-z0-9-]/g, '-'),
    capabilities: [capability], provider: 'process', adapter: 'shell',
    // The shell adapter's progress protocol: each line becomes live progress on the task page.
    providerSettings: { command: 'for i in 1 2 3 4 5 6; do echo "::progress $((i*15)) step $i of $FLIGHTDECK_TASK_TITLE"; sleep 1.5; done; echo finished' },
    minSize: 0, maxSize: 2, targetBacklogPerAgent: 1, idleTimeoutMs: 3_000, scaleUpCooldownMs: 0, scaleDownCooldownMs: 0,
  });

  await page.goto(`/pools/${pool.id}`);
  await expectLive(page);
  await expect(page.getByTestId('pool-size')).toHaveText('0');

  const titles = [uniqueName('shell task'), uniqueName('shell task')];
  const { ids } = await api.mutate<{ ids: string[] }>('tasks.submit', { tasks: titles.map((title) => ({ title, capabilities: [capability] })) });

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
