import type { Page } from '@playwright/test';
import { expect, expectLive, test } from './fixtures';
import { uniqueName } from './support/api';

test.use({ viewport: { width: 390, height: 844 } });

async function expectNoHorizontalOverflow(page: Page) {
  const sizes = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  expect(sizes.viewport).toBe(390);
  expect(sizes.doc, 'page scrolls sideways').toBeLessThanOrEqual(sizes.viewport);
}

test('on a 390 px phone the Tasks page shows cards, and the bulk bar is within reach and works', async ({
  adminPage: page,
  api,
}) => {
  const prefix = uniqueName('e2e phone bulk with a title long enough to wrap on a phone');
  const { ids } = await api.mutate<{ ids: string[] }>('tasks.submit', {
    tasks: [1, 2, 3].map((i) => ({ title: `${prefix} #${i}`, capabilities: [uniqueName('e2e-nobody')] })),
  });

  await page.goto(`/tasks?q=${encodeURIComponent(prefix)}`);
  await expectLive(page);
  const cards = page.getByTestId('tasks-table-cards').locator('li');
  await expect(cards).toHaveCount(3);
  await expect(page.getByTestId('tasks-table')).toBeHidden();
  await expectNoHorizontalOverflow(page);

  await page.getByTestId('select-all-cards').check();
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bar.getByTestId('bulk-count')).toHaveText('3 selected');
  await expect(bar).toBeInViewport();
  await expectNoHorizontalOverflow(page);

  await cards
    .filter({ hasText: `${prefix} #3` })
    .getByRole('checkbox')
    .uncheck();
  await expect(bar.getByTestId('bulk-count')).toHaveText('2 selected');
  await bar.getByRole('button', { name: 'Cancel selected' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel 2 tasks' }).click();
  await expect(page.locator('[data-toast]').filter({ hasText: 'Cancelled 2 tasks' })).toBeVisible();
  await expectNoHorizontalOverflow(page);

  const after = await Promise.all(ids.map((id) => api.query<{ status: string }>('tasks.get', { id })));
  expect(after.map((t) => t.status)).toEqual(['cancelled', 'cancelled', 'queued']);
});

test('on a 390 px phone the Dead letters page shows cards and its actions fit', async ({ adminPage: page, api }) => {
  const capability = uniqueName('e2e-phone-dl');
  const agent = await api.startAgent({
    name: uniqueName('e2e-phone-dl-worker'),
    capabilities: [capability],
    runtime: uniqueName('e2e-rt'),
  });
  await api.heartbeat(agent.token);
  const title = uniqueName('e2e phone dead letter');
  const {
    ids: [id],
  } = await api.mutate<{ ids: string[] }>('tasks.submit', { title, capabilities: [capability], maxAttempts: 1 });
  const work = await api.mutate<{ leaseToken: string }>('work.poll', { waitMs: 5000 }, agent.token);
  await api.mutate(
    'work.fail',
    { taskId: id, leaseToken: work.leaseToken, error: 'e'.repeat(200), retryable: true },
    agent.token,
  );
  await api.mutate('agents.signOff', {}, agent.token);

  await page.goto(`/dead-letters?capability=${capability}`);
  await expectLive(page);
  const card = page.getByTestId('dead-letters-table-cards').getByTestId('dead-letter');
  await expect(card).toHaveCount(1);
  await expectNoHorizontalOverflow(page);
  await card.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('[data-toast]').filter({ hasText: `Retried task "${title}"` })).toBeVisible();
  await expectNoHorizontalOverflow(page);
});
