import { expect, expectLive, markDocument, test } from './fixtures';
import { uniqueName } from './support/api';

interface Work {
  taskId: string;
  leaseToken: string;
  attempt: number;
}

test('a submitted task goes queued → running → succeeded on screen, live', async ({ adminPage: page, api }) => {
  // A capability only this test's agent has, so no demo agent can take the task.
  const capability = uniqueName('e2e-cap');
  const agentName = uniqueName('e2e-worker');
  const agent = await api.startAgent({ name: agentName, capabilities: [capability] });
  await api.heartbeat(agent.token);

  await page.goto('/tasks');
  await expectLive(page);
  const sameDocument = await markDocument(page);

  const title = uniqueName('e2e task');
  const {
    ids: [taskId],
  } = await api.submitTask({ title, capabilities: [capability], priority: 'high', payload: { repo: 'acme/web' } });

  const row = page.getByTestId('tasks-table').locator('tr', { hasText: title });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('task-status')).toHaveText(/queued|assigned/);

  const work = await api.mutate<Work | null>('work.poll', { waitMs: 5000 }, agent.token);
  expect(work?.taskId).toBe(taskId);
  const lease = { taskId, leaseToken: work!.leaseToken };
  await expect(row.getByTestId('task-status')).toHaveText('assigned');

  await api.mutate('work.start', lease, agent.token);
  await expect(row.getByTestId('task-status')).toHaveText('running');
  await api.mutate('work.progress', { ...lease, message: 'cloned the repository', percent: 25 }, agent.token);
  await expect(row).toContainText('cloned the repository');
  await sameDocument();

  // Client-side navigation to the detail page: still the same document.
  await row.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}$`));
  await expect(page.getByTestId('task-status')).toHaveText('running');
  await expect(page.getByTestId('task-attempt')).toHaveText('attempt 1 of 3');
  await expect(page.getByTestId('task-agent')).toHaveText(agentName);

  const decision = page.getByTestId('decision');
  await expect(decision.getByTestId('decision-winner')).toHaveText(agentName);
  await expect(decision.getByTestId('decision-candidates')).toContainText(agentName);
  await expect(decision).toContainText('composite');
  await expect(decision).toContainText('µs');

  await api.mutate('work.progress', { ...lease, message: 'tests are green', percent: 90 }, agent.token);
  const log = page.getByTestId('progress-log');
  await expect(log).toContainText('cloned the repository');
  await expect(log).toContainText('tests are green');

  await api.mutate('work.complete', { ...lease, result: { pullRequest: 42 } }, agent.token);
  await expect(page.getByTestId('task-status')).toHaveText('succeeded');
  await expect(page.getByLabel('Result')).toContainText('"pullRequest": 42');
  await expect(page.getByTestId('attempts-timeline')).toContainText('succeeded');
  await expect(page.getByRole('button', { name: 'Cancel task' })).toHaveCount(0);
  await sameDocument();
});
