import type { Page } from '@playwright/test';
import { expect, expectLive, test } from './fixtures';
import { uniqueName, type FlightdeckApi } from './support/api';

interface Work {
  taskId: string;
  leaseToken: string;
}
interface Task {
  status: string;
  priority: string;
}

/** The toast that says what an action did. */
const toast = (page: Page, text: string | RegExp) => page.locator('[data-toast]').filter({ hasText: text });

/** Tasks that ran out of their one attempt, on an agent (and runtime) of their own. */
async function deadLetters(api: FlightdeckApi, capability: string, titles: string[]): Promise<string[]> {
  const agent = await api.startAgent({
    name: uniqueName('e2e-dl-worker'),
    capabilities: [capability],
    runtime: uniqueName('e2e-rt'),
  });
  await api.heartbeat(agent.token);
  const { ids } = await api.mutate<{ ids: string[] }>('tasks.submit', {
    tasks: titles.map((title) => ({ title, capabilities: [capability], maxAttempts: 1 })),
  });
  for (let i = 0; i < ids.length; i++) {
    const work = await api.mutate<Work>('work.poll', { waitMs: 5000 }, agent.token);
    await api.mutate(
      'work.fail',
      { taskId: work.taskId, leaseToken: work.leaseToken, error: 'the runner crashed', retryable: true },
      agent.token,
    );
  }
  // Nothing should take the retried tasks: the agent leaves.
  await api.mutate('agents.signOff', {}, agent.token);
  return ids;
}

test('on a task page: priority changes with undo, cancel asks first, retry says what it did', async ({
  adminPage: page,
  api,
}) => {
  const title = uniqueName('e2e feedback');
  const {
    ids: [id],
  } = await api.submitTask({ title, capabilities: [uniqueName('e2e-nobody')], priority: 'normal' });
  await page.goto(`/tasks/${id}`);
  await expectLive(page);

  await page.getByLabel('Change priority').selectOption('high');
  await expect(toast(page, `Priority of "${title}" set to high`)).toBeVisible();
  expect((await api.query<Task>('tasks.get', { id })).priority).toBe('high');
  await toast(page, `set to high`).getByRole('button', { name: 'Undo' }).click();
  await expect(toast(page, `Priority of "${title}" back to normal`)).toBeVisible();
  await expect(page.getByLabel('Change priority')).toHaveValue('normal');
  expect((await api.query<Task>('tasks.get', { id })).priority).toBe('normal');

  await page.getByRole('button', { name: 'Cancel task' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`Cancel task "${title}"?`);
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await api.query<Task>('tasks.get', { id })).status).toBe('queued');

  await page.getByRole('button', { name: 'Cancel task' }).click();
  await dialog.getByRole('button', { name: 'Cancel task' }).click();
  await expect(toast(page, `Cancelled task "${title}"`)).toBeVisible();
  await expect(page.getByTestId('task-status')).toHaveText('cancelled');

  await page.getByTestId('task-actions').getByRole('button', { name: 'Retry' }).click();
  await expect(toast(page, `Retried task "${title}"`)).toBeVisible();
  await expect(page.getByTestId('task-status')).toHaveText('queued');
});

test('dead letters: retry and discard say what they did, "retry all matching" confirms the count first', async ({
  adminPage: page,
  api,
}) => {
  const capability = uniqueName('e2e-dl');
  const titles = ['retry me', 'discard me', 'matching a', 'matching b'].map((t) => uniqueName(`e2e ${t}`));
  const ids = await deadLetters(api, capability, titles);

  await page.goto(`/dead-letters?capability=${capability}`);
  await expectLive(page);
  const rows = page.getByTestId('dead-letters-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);

  await rows.filter({ hasText: titles[0] }).getByRole('button', { name: 'Retry' }).click();
  await expect(toast(page, `Retried task "${titles[0]}"`)).toBeVisible();

  await rows.filter({ hasText: titles[1] }).getByRole('button', { name: 'Discard' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`Discard task "${titles[1]}"?`);
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(toast(page, `Discarded task "${titles[1]}"`)).toBeVisible();
  await expect(rows).toHaveCount(2);

  await page.getByTestId('retry-matching').getByRole('button', { name: 'Retry all matching' }).click();
  await expect(dialog).toContainText('Retry 2 tasks?');
  await expect(dialog).toContainText(`capability ${capability}`);
  await dialog.getByRole('button', { name: 'Retry 2 tasks' }).click();
  await expect(toast(page, 'Retried 2 tasks')).toBeVisible();
  await expect(page.getByText('No dead letters match these filters')).toBeVisible();

  const after = await Promise.all(ids.map((id) => api.query<Task>('tasks.get', { id })));
  expect(after.map((t) => t.status)).toEqual(['queued', 'cancelled', 'queued', 'queued']);
});

test('bulk actions on the Tasks page: select many, confirm with the count, a toast with the outcome', async ({
  adminPage: page,
  api,
}) => {
  const prefix = uniqueName('e2e bulk');
  const capability = uniqueName('e2e-nobody');
  const { ids } = await api.mutate<{ ids: string[] }>('tasks.submit', {
    tasks: [1, 2, 3, 4].map((i) => ({ title: `${prefix} #${i}`, capabilities: [capability], priority: 'low' })),
  });
  await api.mutate('tasks.cancel', { id: ids[3] });

  await page.goto(`/tasks?q=${encodeURIComponent(prefix)}`);
  await expectLive(page);
  const rows = page.getByTestId('tasks-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar).toHaveCount(0);
  const dialog = page.getByRole('alertdialog');

  // Reprioritise, then undo.
  await page.getByTestId('select-all').check();
  await expect(bar.getByTestId('bulk-count')).toHaveText('4 selected');
  await bar.getByLabel('New priority for the selected tasks').selectOption('critical');
  await bar.getByRole('button', { name: 'Set priority' }).click();
  await expect(dialog).toContainText('Set 4 tasks to priority critical?');
  await dialog.getByRole('button', { name: 'Set priority critical' }).click();
  await expect(toast(page, 'Set 3 tasks to priority critical; 1 was already finished')).toBeVisible();
  await expect(rows.filter({ hasText: 'critical' })).toHaveCount(3);
  await expect(bar).toHaveCount(0);
  await toast(page, 'to priority critical').getByRole('button', { name: 'Undo' }).click();
  await expect(toast(page, 'Put back the priority of 3 tasks')).toBeVisible();
  await expect(rows.filter({ hasText: 'critical' })).toHaveCount(0);

  // Cancel two of them, one row at a time.
  await rows
    .filter({ hasText: `${prefix} #1` })
    .getByRole('checkbox')
    .check();
  await rows
    .filter({ hasText: `${prefix} #4` })
    .getByRole('checkbox')
    .check();
  await bar.getByRole('button', { name: 'Cancel selected' }).click();
  await expect(dialog).toContainText('Cancel 2 tasks?');
  await expect(dialog).toContainText('1 of them is already finished');
  await dialog.getByRole('button', { name: 'Cancel 2 tasks' }).click();
  await expect(toast(page, 'Cancelled 1 task; 1 was already finished')).toBeVisible();

  // Retry everything: the two cancelled ones go back to the queue, the queued ones stay.
  await page.getByTestId('select-all').check();
  await bar.getByRole('button', { name: 'Retry selected' }).click();
  await expect(dialog).toContainText('Retry 4 tasks?');
  await dialog.getByRole('button', { name: 'Retry 4 tasks' }).click();
  await expect(toast(page, 'Retried 2 tasks; 2 were not failed, cancelled or dead-lettered')).toBeVisible();

  const after = await Promise.all(ids.map((id) => api.query<Task>('tasks.get', { id })));
  expect(after.map((t) => [t.status, t.priority])).toEqual([
    ['queued', 'low'],
    ['queued', 'low'],
    ['queued', 'low'],
    ['queued', 'low'],
  ]);
});
