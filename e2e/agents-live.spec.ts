import { expect, expectLive, markDocument, test } from './fixtures';
import { uniqueName } from './support/api';

test('a newly registered agent appears in the agents table without a reload', async ({ adminPage: page, api }) => {
  await page.goto('/agents');
  await expect(page.getByRole('heading', { level: 1, name: 'Agents' })).toBeVisible();
  await expectLive(page);
  const sameDocument = await markDocument(page);

  const name = uniqueName('e2e-agent');
  await expect(page.getByText(name)).toHaveCount(0);
  const agent = await api.startAgent({ name, capabilities: [{ name: 'e2e-live', level: 0.7 }, 'shell'], maxConcurrency: 3 });

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
