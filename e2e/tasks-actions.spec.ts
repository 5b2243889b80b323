import { expect, expectLive, test } from './fixtures';
import { uniqueName } from './support/api';

test('search finds a task, and an operator cancels it from its page', async ({ adminPage: page, api }) => {
  // Nobody has this capability, so the task waits in the queue until cancelled.
  const title = uniqueName('e2e cancel me');
  const {
    ids: [taskId],
  } = await api.submitTask({ title, capabilities: [uniqueName('e2e-nobody')], priority: 'low' });

  await page.goto('/tasks');
  await expectLive(page);
  await page.getByLabel('Search tasks').fill(title);
  await expect(page).toHaveURL(/[?&]q=/);
  const rows = page.getByTestId('tasks-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(title);
  await expect(rows.first().getByTestId('task-status')).toHaveText('queued');

  await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'succeeded' }).click();
  await expect(page.getByText('No tasks match these filters')).toBeVisible();
  await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'clear' }).click();
  await expect(rows).toHaveCount(1);

  await rows.first().getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}$`));
  await expect(page.getByText('Not assigned yet')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel task' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel task' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Cancelled task "${title}"` })).toBeVisible();
  await expect(page.getByTestId('task-status')).toHaveText('cancelled');
  await expect(page.getByRole('button', { name: 'Cancel task' })).toHaveCount(0);

  const task = await api.query<{ status: string }>('tasks.get', { id: taskId });
  expect(task.status).toBe('cancelled');
});

test('the submit form creates a task that shows up in the list', async ({ adminPage: page }) => {
  await page.goto('/tasks');
  await expectLive(page);
  const title = uniqueName('e2e form task');
  await page.getByRole('button', { name: 'Submit task' }).click();
  const form = page.getByRole('form', { name: 'Submit task' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Capabilities').fill(`${uniqueName('e2e-none')}, docs`);
  await form.getByLabel('Priority').selectOption('critical');
  await form.getByLabel(/Payload/).fill('{"hello": "world"}');
  await form.getByRole('button', { name: 'Submit task' }).click();
  await expect(form.getByText(/^Submitted/)).toBeVisible();

  const row = page.getByTestId('tasks-table').locator('tr', { hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText('critical');

  await form.getByLabel(/Payload/).fill('{not json');
  await form.getByLabel('Title').fill('another');
  await form.getByRole('button', { name: 'Submit task' }).click();
  await expect(form.getByRole('alert')).toContainText('not valid JSON');
});

test('"load more" fetches the next page of a filtered list', async ({ adminPage: page, api }) => {
  const prefix = uniqueName('e2e page');
  const tasks = Array.from({ length: 30 }, (_, i) => ({
    title: `${prefix} #${i + 1}`,
    capabilities: [`${prefix}-nobody`],
    priority: 'background',
  }));
  await api.mutate('tasks.submit', { tasks });

  await page.goto(`/tasks?q=${encodeURIComponent(prefix)}`);
  await expectLive(page);
  const rows = page.getByTestId('tasks-table').locator('tbody tr');
  await expect(rows).toHaveCount(25);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).toHaveCount(30);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  // Every task exactly once across the two pages.
  const titles = await rows.getByRole('link').allTextContents();
  expect(new Set(titles)).toEqual(new Set(tasks.map((t) => t.title)));
});
