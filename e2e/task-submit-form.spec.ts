import type { Page } from '@playwright/test';
import { expect, expectLive, test } from './fixtures';
import { uniqueName } from './support/api';

interface Task {
  title: string;
  payload: unknown;
  capabilities: string[];
  priority: string;
  project: string;
  contextKey: string | null;
  maxAttempts: number;
  timeoutMs: number | null;
  dependsOn: string[];
  concurrencyKey: string | null;
  concurrencyLimit: number | null;
  idempotencyKey: string | null;
  status: string;
}

test('the submit form takes every field the API takes, and opens the task it created', async ({
  adminPage: page,
  api,
}) => {
  const capability = uniqueName('e2e-form-nobody');
  const {
    ids: [dependency],
  } = await api.submitTask({ title: uniqueName('e2e form dependency'), capabilities: [capability] });
  const title = uniqueName('e2e full form');
  const key = uniqueName('idem');

  await page.goto('/tasks');
  await expectLive(page);
  await page.getByRole('button', { name: 'Submit task' }).click();
  const form = page.getByRole('form', { name: 'Submit task' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Prompt').fill('Make the login test pass');
  await form.getByLabel('Payload (JSON)').fill('{"repo": "acme/web"}');
  await form.getByLabel('Capabilities').fill(`${capability}, tests`);
  await form.getByLabel('Priority').selectOption('high');
  await form.getByLabel('Project').fill('web');
  await form.getByLabel('Context key').fill('repo:web');
  await form.getByLabel('Max attempts').fill('5');
  await form.getByLabel('Timeout').fill('30m');
  await form.getByLabel('Concurrency key').fill('repo:web');
  await form.getByLabel('Concurrency limit').fill('2');
  await form.getByLabel('Depends on').fill(dependency);
  await form.getByLabel('Idempotency key').fill(key);
  await form.getByRole('button', { name: 'Submit task' }).click();

  const toast = page.locator('[data-toast]').filter({ hasText: `Submitted task "${title}"` });
  await expect(toast).toBeVisible();
  await expect(toast.getByRole('button', { name: 'Open' })).toBeVisible();
  // The toast leaves after a few seconds; the form keeps its link to the new task.
  await form.getByRole('link', { name: /^tsk_/ }).click();
  await expect(page).toHaveURL(/\/tasks\/tsk_/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const id = page.url().split('/').pop()!;
  const task = await api.query<Task>('tasks.get', { id });
  expect(task).toMatchObject({
    title,
    payload: { repo: 'acme/web', prompt: 'Make the login test pass' },
    capabilities: [capability, 'tests'],
    priority: 'high',
    project: 'web',
    contextKey: 'repo:web',
    maxAttempts: 5,
    timeoutMs: 1_800_000,
    dependsOn: [dependency],
    concurrencyKey: 'repo:web',
    concurrencyLimit: 2,
    idempotencyKey: key,
    status: 'blocked',
  });
});

/** The Tasks page with its submit form open, and a title no other test uses. */
async function openForm(page: Page) {
  await page.goto('/tasks');
  await expectLive(page);
  await page.getByRole('button', { name: 'Submit task' }).click();
  const form = page.getByRole('form', { name: 'Submit task' });
  const title = uniqueName('e2e bad form');
  await form.getByLabel('Title').fill(title);
  return { form, title, errorOf: (field: string) => form.locator(`[data-field-error="${field}"]`) };
}

test("the submit form names what it cannot send, and puts the API's validation errors next to each field", async ({
  adminPage: page,
  api,
}) => {
  const { form, title, errorOf } = await openForm(page);

  // Caught before sending: a duration and a number that are none.
  await form.getByLabel('Timeout').fill('soon');
  await form.getByLabel('Concurrency limit').fill('two');
  await form.getByRole('button', { name: 'Submit task' }).click();
  await expect(errorOf('timeout')).toHaveText('a duration such as 90s, 30m or 2h');
  await expect(errorOf('concurrencyLimit')).toHaveText('must be a whole number');

  // The server's validation, field by field.
  await form.getByLabel('Timeout').fill('0.5s');
  await form.getByLabel('Concurrency limit').fill('');
  await form.getByLabel('Max attempts').fill('0');
  await form.getByLabel('Capabilities').fill('x'.repeat(129));
  await form.getByRole('button', { name: 'Submit task' }).click();
  await expect(errorOf('maxAttempts')).toHaveText('must be at least 1');
  await expect(errorOf('timeout')).toHaveText('must be at least 1 second (1000 ms)');
  await expect(errorOf('capabilities')).toContainText('capability 1:');
  await expect(page.locator('[data-toast="error"]').filter({ hasText: 'The task was not submitted' })).toBeVisible();

  expect((await api.query<{ items: unknown[] }>('tasks.list', { search: title })).items).toHaveLength(0);
});

test('the submit form shows the checks made after validation (a limit without a key, unknown dependencies) next to their fields', async ({
  adminPage: page,
  api,
}) => {
  const { form, title, errorOf } = await openForm(page);
  await form.getByLabel('Capabilities').fill(uniqueName('e2e-nobody'));
  await form.getByLabel('Concurrency limit').fill('2');
  await form.getByRole('button', { name: 'Submit task' }).click();
  await expect(errorOf('concurrencyLimit')).toHaveText('needs a concurrencyKey to limit');

  await form.getByLabel('Concurrency limit').fill('');
  await form.getByLabel('Depends on').fill('tsk_nope');
  await form.getByRole('button', { name: 'Submit task' }).click();
  await expect(errorOf('dependsOn')).toHaveText('dependency 1: task tsk_nope not found');

  expect((await api.query<{ items: unknown[] }>('tasks.list', { search: title })).items).toHaveLength(0);
});
