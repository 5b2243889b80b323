import type { Locator, Page } from '@playwright/test';
import { expect, expectLive, markDocument, test } from './fixtures';
import { uniqueName, type FlightdeckApi } from './support/api';

interface Rule {
  id: string;
  forMs: number;
}
interface AlertItem {
  id: string;
  labels: Record<string, string>;
}

/**
 * The built-in rule waits its `for` (30 s for "no capable agent") before firing: the test
 * shortens it and puts it back, whatever happens.
 */
async function withShortFor<T>(api: FlightdeckApi, ruleId: string, run: () => Promise<T>): Promise<T> {
  const { rules } = await api.query<{ rules: Rule[] }>('alerts.rules.list', {});
  const before = rules.find((r) => r.id === ruleId)!.forMs;
  await api.mutate('alerts.rules.update', { id: ruleId, forMs: 500 });
  try {
    return await run();
  } finally {
    await api.mutate('alerts.rules.update', { id: ruleId, forMs: before });
  }
}

/** The row of the alert whose labels include `label=value`, in the Alerts list. */
const alertRow = (page: Page, label: string, value: string): Locator =>
  page.getByTestId('alerts-table').locator('tbody tr', { hasText: `${label}=${value}` });

/** A timeline step of the open alert: its kind, and who did it ("by admin"). */
const step = (page: Page, kind: string) => page.getByTestId('alert-timeline').locator(`li[data-step="${kind}"]`);

test.setTimeout(90_000);

test('a task needing a capability nobody has raises a critical alert; the operator acknowledges it, silences it, adds a capable agent from the remedy, and it resolves — live, each step in its timeline with who did it', async ({
  adminPage: page,
  api,
}) => {
  const capability = uniqueName('e2e-gpu');
  await withShortFor(api, 'builtin:no-capable-agent', async () => {
    // A pool that has the capability but may not grow (maximum 0): only the remedy adds an agent.
    const pool = await api.mutate<{ id: string; name: string }>('pools.create', {
      name: uniqueName('e2e-gpu-pool')
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '-'),
      capabilities: [capability],
      provider: 'simulated',
      minSize: 0,
      maxSize: 0,
      scaleUpCooldownMs: 0,
    });
    try {
      await page.goto('/alerts');
      await expectLive(page);
      const sameDocument = await markDocument(page);
      await api.submitTask({ title: uniqueName('e2e train'), capabilities: [capability] });

      // It fires: the list shows it without a reload, the nav counts it, and a toast says so on whatever page is open.
      const row = alertRow(page, 'capability', capability);
      await expect(row).toContainText('No capable agent');
      await expect(row.getByTestId('alert-severity')).toHaveText('critical');
      await expect(row.getByTestId('alert-state')).toHaveText('firing');
      await expect(page.getByRole('navigation', { name: 'Main' }).getByTestId('firing-alert-count')).toBeVisible();
      const toast = page.locator('[data-toast]', { hasText: `need ${capability}` });
      await expect(toast).toContainText('Critical alert: No capable agent');
      await toast.getByRole('button', { name: 'Open' }).click();

      const detail = page.getByTestId('alert-detail');
      await expect(detail).toHaveAttribute('data-state', 'firing');
      await expect(page.getByTestId('alert-summary')).toContainText(capability);
      await expect(page.getByTestId('alert-affects')).toContainText(pool.name);
      await expect(step(page, 'firing')).toContainText('by the alert evaluator');
      const actions = page.getByTestId('alert-actions');

      // Acknowledge, with a note.
      await actions.getByRole('button', { name: 'Acknowledge…' }).click();
      await page.getByLabel('Note (optional, shown in the timeline)').fill('on it: finding a GPU box');
      await actions.getByRole('button', { name: 'Acknowledge', exact: true }).click();
      await expect(
        page.locator('[data-toast="success"]', { hasText: 'Acknowledged “No capable agent”' }),
      ).toBeVisible();
      await expect(detail).toHaveAttribute('data-state', 'acknowledged');
      await expect(step(page, 'acknowledged')).toContainText('by admin');
      await expect(step(page, 'acknowledged')).toContainText('on it: finding a GPU box');

      // Assign it (to the operator signed in, the form's default).
      await actions.getByRole('button', { name: 'Assign…' }).click();
      await expect(page.getByLabel('Assign to (user name)')).toHaveValue('admin');
      await actions.getByRole('button', { name: 'Assign', exact: true }).click();
      await expect(
        page.locator('[data-toast="success"]', { hasText: 'Assigned “No capable agent” to admin' }),
      ).toBeVisible();
      await expect(page.getByTestId('alert-assignee')).toHaveText('admin');
      await expect(step(page, 'assigned')).toContainText('by admin');

      // Silence it for 15 minutes: the matchers come from its labels.
      await actions.getByRole('button', { name: 'Silence…' }).click();
      const form = page.getByTestId('silence-form');
      await expect(form.getByLabel('Matchers 1: label name')).toHaveValue('capability');
      await expect(form.getByLabel('Matchers 1: value')).toHaveValue(capability);
      await form.getByRole('radio', { name: '15 min' }).click();
      await form.getByLabel('Comment').fill('GPU capacity is on its way');
      await form.getByRole('button', { name: 'Silence', exact: true }).click();
      await expect(page.locator('[data-toast="success"]', { hasText: 'Silenced until' })).toBeVisible();
      await expect(detail.getByTestId('alert-silenced')).toBeVisible();
      await expect(step(page, 'silenced')).toContainText('by admin');
      await expect(step(page, 'silenced')).toContainText('GPU capacity is on its way');

      // The remedy: one more agent in the pool that has the capability, after a confirmation saying so.
      await page.getByRole('button', { name: `Add an agent to pool ${pool.name}` }).click();
      const confirm = page.getByRole('alertdialog');
      await expect(confirm).toContainText('its provider starts a new agent');
      await confirm.getByRole('button', { name: `Add an agent to pool ${pool.name}` }).click();
      await expect(page.locator('[data-toast="success"]', { hasText: `pool ${pool.name}` })).toBeVisible();
      await expect(step(page, 'remedy')).toContainText('by admin');
      await expect(step(page, 'remedy')).toContainText(`raised pool ${pool.name}'s minimum size to 1`);

      // The autoscaler starts the agent, the task has a capable agent, and the evaluator resolves the alert.
      await expect(detail).toHaveAttribute('data-state', 'resolved', { timeout: 30_000 });
      await expect(step(page, 'resolved')).toContainText('by the alert evaluator');
      await expect(page.getByTestId('alert-affects')).toContainText(`${pool.name}-`);
      await expect(actions).toHaveCount(0);
      const kinds = await page
        .getByTestId('alert-timeline')
        .locator('li')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
      expect(kinds.filter((k) => k !== 'pending')).toEqual([
        'firing',
        'acknowledged',
        'assigned',
        'silenced',
        'remedy',
        'resolved',
      ]);
      await sameDocument();

      // Notifications link to /alerts?id=…: it leads to the same page.
      const [alert] = (
        await api.query<{ items: AlertItem[] }>('alerts.list', { state: 'resolved', limit: 200 })
      ).items.filter((a) => a.labels.capability === capability);
      await page.goto(`/alerts?id=${alert.id}`);
      await expect(page).toHaveURL(new RegExp(`/alerts/${alert.id}$`));
      await expect(page.getByTestId('alert-detail')).toHaveAttribute('data-state', 'resolved');
    } finally {
      await api.mutate('pools.remove', { id: pool.id });
    }
  });
});

test('a breaker-open alert: "reset breaker" run from the alert closes the breaker, and the alert resolves live', async ({
  adminPage: page,
  api,
}) => {
  const agentName = uniqueName('e2e-breaker');
  const agent = await api.startAgent({
    name: agentName,
    capabilities: [uniqueName('e2e-breaker-cap')],
    runtime: uniqueName('e2e-rt'),
  });
  await api.heartbeat(agent.token);
  // Healthy throughout: an offline agent's alert would inhibit its breaker alert.
  const keepAlive = setInterval(() => void api.heartbeat(agent.token).catch(() => {}), 4_000);
  try {
    await page.goto('/alerts');
    await expectLive(page);
    const sameDocument = await markDocument(page);
    await api.mutate('agents.forceOpenBreaker', { id: agent.agentId, scope: 'agent' });

    const row = alertRow(page, 'agent', agentName);
    await expect(row).toContainText('Circuit breaker open');
    await expect(row.getByTestId('alert-state')).toHaveText('firing');
    await row.getByRole('link', { name: 'Circuit breaker open' }).click();

    const detail = page.getByTestId('alert-detail');
    await expect(detail).toHaveAttribute('data-state', 'firing');
    await expect(page.getByTestId('alert-affects')).toContainText(agentName);
    await page.getByRole('button', { name: `Reset the breaker of ${agentName}` }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm).toContainText('The breaker closes with a fresh window');
    await confirm.getByRole('button', { name: `Reset the breaker of ${agentName}` }).click();
    await expect(
      page.locator('[data-toast="success"]', { hasText: `Reset the breaker of ${agentName}` }),
    ).toBeVisible();
    await expect(step(page, 'remedy')).toContainText('by admin');

    await expect(detail).toHaveAttribute('data-state', 'resolved', { timeout: 20_000 });
    await expect(step(page, 'resolved')).toContainText('by the alert evaluator');
    const breaker = await api.query<{ agent: { state: string } }>('agents.breaker', { id: agent.agentId });
    expect(breaker.agent.state).toBe('closed');
    await sameDocument();
  } finally {
    clearInterval(keepAlive);
    await api.mutate('agents.deregister', {}, agent.token);
  }
});

test('an operator writes a rule (the form names what it refuses), it fires for its labels; a silence made on the Silences tab mutes it until expired', async ({
  adminPage: page,
  api,
}) => {
  const capability = uniqueName('e2e-rule');
  const ruleName = uniqueName('e2e deep queue');
  await api.submitTask({ title: uniqueName('e2e queued'), capabilities: [capability] });
  await page.goto('/alerts/rules');
  await expectLive(page);
  const sameDocument = await markDocument(page);
  const tabs = page.getByRole('navigation', { name: 'Alerts section' });
  await page.getByRole('button', { name: 'New rule' }).click();
  const form = page.getByTestId('rule-form');
  await form.getByLabel('Name').fill(ruleName);
  await form.getByLabel('Metric').selectOption('queue_depth');
  await form.getByRole('button', { name: '+ Add matcher' }).click();
  await form.getByLabel('Filters 1: label name').fill('capability');
  await form.getByLabel('Filters 1: value').fill(capability);
  await form.getByLabel('Comparison').selectOption('>=');
  await form.getByLabel('Threshold').fill('1');
  await form.getByLabel('For', { exact: true }).fill('0s');
  await form.getByLabel('Severity').selectOption('info');
  // A placeholder the server does not know: refused, and the message sits under the summary.
  await form.getByLabel('Summary').fill('{{value}} tasks wait for {{capability}}');
  await form.getByRole('button', { name: 'Create rule' }).click();
  await expect(form.getByText('placeholders are {{value}} and {{labels.<name>}}')).toBeVisible();
  await form.getByLabel('Summary').fill('{{value}} tasks wait for {{labels.capability}}');
  await form.getByRole('button', { name: 'Create rule' }).click();
  await expect(page.locator('[data-toast="success"]', { hasText: `Rule “${ruleName}” created` })).toBeVisible();
  const ruleRow = page.getByTestId('rules-table').locator('tbody tr', { hasText: ruleName });
  await expect(ruleRow.getByTestId('rule-condition')).toHaveText('>= 1 for 0s');

  // It fires for the capability's queue, as the summary says.
  // An info alert lists after every warning (other specs leave offline agents, each a warning): filter as an operator would.
  const infoAlerts = async () => {
    await tabs.getByRole('link', { name: 'Alerts' }).click();
    const severity = page.getByRole('group', { name: 'Severity' }).getByRole('button', { name: 'info' });
    await severity.click();
    await expect(severity).toHaveAttribute('aria-pressed', 'true');
  };
  await infoAlerts();
  const row = alertRow(page, 'capability', capability).filter({ hasText: ruleName });
  await expect(row).toContainText(`1 tasks wait for ${capability}`);
  await expect(row.getByTestId('alert-state')).toHaveText('firing');

  // A silence for it, from the Silences tab: the alert is marked; expiring the silence lifts the mark.
  await tabs.getByRole('link', { name: 'Silences' }).click();
  await page.getByRole('button', { name: 'New silence' }).click();
  const silence = page.getByTestId('silence-form');
  await silence.getByLabel('Matchers 1: label name').fill('capability');
  await silence.getByLabel('Matchers 1: value').fill(capability);
  await silence.getByLabel('Comment').fill(`planned maintenance of ${capability}`);
  await silence.getByRole('button', { name: 'Silence', exact: true }).click();
  const silenceRow = page
    .getByTestId('silences-table')
    .locator('tbody tr', { hasText: `maintenance of ${capability}` });
  await expect(silenceRow).toContainText(`capability="${capability}"`);
  await expect(silenceRow).toContainText('active');
  await infoAlerts();
  await expect(row.getByTestId('alert-silenced')).toBeVisible();
  await tabs.getByRole('link', { name: 'Silences' }).click();
  await silenceRow.getByRole('button', { name: 'Expire' }).click();
  await expect(silenceRow).toContainText('expired');
  await infoAlerts();
  await expect(row.getByTestId('alert-state')).toHaveText('firing');
  await expect(row.getByTestId('alert-silenced')).toHaveCount(0);

  // Deleting the rule (after a confirmation) resolves its alert.
  await tabs.getByRole('link', { name: 'Rules' }).click();
  await ruleRow.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(ruleRow).toHaveCount(0);
  await infoAlerts();
  await expect(page.getByTestId('alerts-table').or(page.getByText('No alerts match these filters'))).toBeVisible();
  await expect(row).toHaveCount(0);
  await sameDocument();
});

test('an unknown alert shows the not-found page, not an error to retry', async ({ adminPage: page }) => {
  // Streamed after the dashboard's loading state, so the status is already 200: the page says 404.
  await page.goto('/alerts/alt_does_not_exist');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('/alerts/alt_does_not_exist');
  await expect(page.getByRole('button', { name: /Retry|Try again/ })).toHaveCount(0);
});
