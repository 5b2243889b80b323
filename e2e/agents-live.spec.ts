import { expect, expectLive, markDocument, test } from './fixtures';
import { uniqueName } from './support/api';

test('a newly registered agent appears in the agents table without a reload', async ({ adminPage: page, api }) => {
  await page.goto('/agents');
  await expect(page.getByRole('heading', { level: 1, name: 'Agents' })).toBeVisible();
  await expectLive(page);
  const sameDocument = await markDocument(page);

  const name = uniqueName('e2e-agent');
  await expect(page.getByText(name)).toHaveCount(0);
  const agent = await api.startAgent({
    name,
    capabilities: [{ name: 'e2e-live', level: 0.7 }, 'shell'],
    maxConcurrency: 3,
  });

  const row = page.getByTestId('agents-table').locator('tr', { hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText('e2e-live');
  await expect(row).toContainText('0 / 3');

  await api.heartbeat(agent.token, { contextUsed: 50_000, contextWindow: 200_000 });
  await expect(row.getByTestId('agent-state')).toHaveText('idle');
  await expect(row).toContainText('25%');
  await sameDocument();

  await row.getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`/agents/${agent.agentId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await sameDocument();
});

test('each agent shows one status: what it reports never contradicts the work it holds', async ({
  adminPage: page,
  api,
}) => {
  const holderName = uniqueName('e2e-holder');
  const claimerName = uniqueName('e2e-claimer');
  const capability = uniqueName('e2e-one-status');
  const holder = await api.startAgent({ name: holderName, capabilities: [capability] });
  const claimer = await api.startAgent({ name: claimerName, capabilities: [uniqueName('e2e-other')] });
  await api.mutate('agents.heartbeat', { activity: { state: 'idle' } }, holder.token);
  // Its CLI says it works, but the control plane gave it nothing.
  await api.mutate('agents.heartbeat', { activity: { state: 'working' } }, claimer.token);
  await api.submitTask({ title: uniqueName('held task'), capabilities: [capability] });
  const work = await api.mutate<{ taskId: string; leaseToken: string } | null>(
    'work.poll',
    { waitMs: 10_000 },
    holder.token,
  );
  expect(work).not.toBeNull();

  await page.goto('/agents');
  await expectLive(page);
  const table = page.getByTestId('agents-table');
  await expect(table.getByRole('columnheader', { name: 'Status' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Activity' })).toHaveCount(0);
  const holderRow = table.locator('tr', { hasText: holderName });
  const claimerRow = table.locator('tr', { hasText: claimerName });
  // Busy with its task (its stale "idle" report is not shown); idle, not "working", with nothing held.
  await expect(holderRow.getByTestId('agent-state')).toHaveText('busy');
  await expect(holderRow.getByTestId('agent-activity')).toHaveCount(0);
  await expect(holderRow).not.toContainText(/\bidle\b/);
  await expect(claimerRow.getByTestId('agent-state')).toHaveText('idle');
  await expect(claimerRow).not.toContainText('working');

  // A report that adds something is shown beside the status, live.
  await api.mutate(
    'agents.heartbeat',
    { activity: { state: 'waiting-for-input', detail: 'approve the migration?' } },
    holder.token,
  );
  await expect(holderRow.getByTestId('agent-activity')).toHaveText('waiting-for-input');
  await expect(holderRow.getByTestId('agent-state')).toHaveText('busy');
  await expect(holderRow.getByTestId('agent-activity-detail')).toHaveText('approve the migration?');

  // The task ends before the agent reports again: idle everywhere, no lingering "waiting-for-input".
  await api.mutate('work.complete', { taskId: work!.taskId, leaseToken: work!.leaseToken }, holder.token);
  await expect(holderRow.getByTestId('agent-state')).toHaveText('idle');
  await expect(holderRow.getByTestId('agent-activity')).toHaveCount(0);

  // The agent page's header and its status card say the same.
  await holderRow.getByRole('link', { name: holderName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(holderName);
  await expect(page.getByRole('heading', { level: 1 }).getByTestId('agent-state')).toHaveText('idle');
  const card = page.getByTestId('agent-status-card');
  await expect(card.getByTestId('agent-state')).toHaveText('idle');
  await expect(card.getByTestId('agent-activity')).toHaveText('idle');
});

test('an agent whose worker stops cleanly shows as stopped at once, under its own filter and on the overview', async ({
  adminPage: page,
  api,
}) => {
  const name = uniqueName('e2e-goodbye');
  const agent = await api.startAgent({ name, capabilities: [uniqueName('e2e-goodbye-cap')] });
  await api.heartbeat(agent.token);
  await page.goto('/agents');
  await expectLive(page);
  const row = page.getByTestId('agents-table').locator('tr', { hasText: name });
  await expect(row.getByTestId('agent-state')).toHaveText('idle');

  expect(await api.mutate('agents.signOff', {}, agent.token)).toEqual({ status: 'stopped', requeued: 0 });
  await expect(row.getByTestId('agent-state')).toHaveText('stopped');
  const filters = page.getByRole('group', { name: 'State' });
  await filters.getByRole('button', { name: /^stopped/ }).click();
  await expect(row).toBeVisible();
  await filters.getByRole('button', { name: /^idle/ }).click();
  await filters.getByRole('button', { name: /^stopped/ }).click();
  await expect(row).toHaveCount(0);

  await page.goto('/');
  await expect(page.getByTestId('kpi-agents').locator('li', { hasText: 'stopped' })).toHaveText(/^stopped\s*[1-9]\d*$/);
});
