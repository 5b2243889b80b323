import { expect, expectLive, test } from './fixtures';
import { uniqueName } from './support/api';
import { startHookReceiver } from './support/hook-receiver';

// Receivers listen in this test file's own ports (the machine is shared).
const CHANNEL_PORT = 4430;
const HOOK_PORT = 4431;

test('a notification channel: created with its secret shown once, a signed test sent to a real receiver, its delivery log, disabled and deleted', async ({
  adminPage: page,
}) => {
  const receiver = await startHookReceiver(CHANNEL_PORT);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = uniqueName('e2e-channel');
  try {
    await page.goto('/alerts/channels');
    await expectLive(page);
    await page.getByRole('button', { name: 'New channel' }).click();
    const form = page.getByTestId('channel-form');
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Type').selectOption('alertmanager-webhook');
    await form.getByLabel('URL').fill(`${receiver.url}/alerts`);
    await form.getByLabel('critical').check();
    // A label no alert has: no notification of another test's alert reaches this receiver.
    await form.getByRole('button', { name: '+ Add matcher' }).click();
    await form.getByLabel('Label matchers 1: label name').fill('team');
    await form.getByLabel('Label matchers 1: value').fill(name);
    await form.getByRole('button', { name: 'Create channel' }).click();

    // The secret, once, with a copy button.
    const once = page.getByTestId('secret-once');
    await expect(once).toContainText('shown only this once');
    const secret = (await once.getByTestId('secret-value').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await once.getByRole('button', { name: 'Copy' }).click();
    await expect(once.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await once.getByRole('button', { name: 'I have stored it' }).click();
    await expect(once).toHaveCount(0);
    await page.reload();
    const row = page.getByTestId('channels-table').locator('tbody tr', { hasText: name });
    await expect(row).toContainText('alertmanager-webhook');
    expect(await page.content()).not.toContain(secret);

    // Send test: the receiver gets one signed request, and the log shows it with the receiver's answer.
    await row.getByRole('link', { name }).click();
    await page.getByRole('button', { name: 'Send test' }).click();
    await expect(page.locator('[data-toast="success"]', { hasText: `Test sent to ${name}: 200` })).toBeVisible();
    expect(receiver.requests).toHaveLength(1);
    const [sent] = receiver.requests;
    expect(receiver.verified(sent, secret)).toBe(true);
    expect(JSON.parse(sent.body)).toMatchObject({ version: '4', receiver: name });
    const log = page.getByTestId('delivery-log').locator('tbody tr', { hasText: sent.deliveryId });
    await expect(log).toContainText('channel:test');
    await expect(log.getByTestId('delivery-status')).toHaveText('delivered');
    await expect(log.getByTestId('delivery-attempts')).toHaveText('1');
    await expect(log).toContainText('{"received":true}');

    await page.getByRole('button', { name: 'Disable' }).click();
    await expect(page.getByTestId('channel-enabled')).toHaveText('disabled');
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page).toHaveURL(/\/alerts\/channels$/);
    await expect(page.getByTestId('channels-table').locator('tbody tr', { hasText: name })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});

test('a hook subscription: events from the catalogue, its signed deliveries in the log, a replay with a new delivery id', async ({
  adminPage: page,
  api,
}) => {
  const receiver = await startHookReceiver(HOOK_PORT);
  const name = uniqueName('e2e-hook');
  try {
    await page.goto('/hooks');
    await expectLive(page);
    // The catalogue shows each event with an example body.
    const catalogue = page.getByTestId('hook-catalogue');
    await catalogue.getByRole('button', { name: /^task:submitted/ }).click();
    await expect(catalogue.getByLabel('Example body of task:submitted')).toContainText('"event": "task:submitted"');

    await page.getByRole('button', { name: 'New hook' }).click();
    const form = page.getByTestId('hook-form');
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('URL').fill(`${receiver.url}/events`);
    await form.getByRole('checkbox', { name: 'task:submitted', exact: true }).check();
    await form.getByRole('button', { name: 'Create hook' }).click();
    const secret = (await page.getByTestId('secret-value').textContent())!.trim();
    await page.getByRole('button', { name: 'I have stored it' }).click();

    const row = page.getByTestId('hooks-table').locator('tbody tr', { hasText: name });
    await expect(row).toContainText('task:submitted');
    const {
      ids: [taskId],
    } = await api.submitTask({ title: uniqueName('e2e hooked'), capabilities: [uniqueName('e2e-nobody')] });

    // Delivered, signed, and in the hook's log (which looks again every few seconds).
    await expect.poll(() => receiver.requests.filter((r) => r.body.includes(taskId)).length).toBe(1);
    const first = receiver.requests.find((r) => r.body.includes(taskId))!;
    expect(receiver.verified(first, secret)).toBe(true);
    expect(JSON.parse(first.body)).toMatchObject({ event: 'task:submitted', subject: `task:${taskId}` });
    await row.getByRole('link', { name }).click();
    const log = page.getByTestId('delivery-log');
    const delivered = log.locator('tbody tr', { hasText: first.deliveryId });
    await expect(delivered.getByTestId('delivery-status')).toHaveText('delivered');

    // Replay: the same body again under a new delivery id.
    await delivered.getByRole('button', { name: 'Replay' }).click();
    await expect(page.locator('[data-toast="success"]', { hasText: `Replay of ${first.deliveryId}` })).toBeVisible();
    await expect.poll(() => receiver.requests.filter((r) => r.body.includes(taskId)).length).toBe(2);
    const replay = receiver.requests.filter((r) => r.body.includes(taskId))[1];
    expect(replay.body).toBe(first.body);
    expect(replay.deliveryId).not.toBe(first.deliveryId);
    await expect(log.locator('tbody tr', { hasText: replay.deliveryId })).toContainText('↻');

    await page.goto('/hooks');
    await page
      .getByTestId('hooks-table')
      .locator('tbody tr', { hasText: name })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByTestId('hooks-table').locator('tbody tr', { hasText: name })).toHaveCount(0);
    await api.mutate('tasks.cancel', { id: taskId });
  } finally {
    await receiver.close();
  }
});
