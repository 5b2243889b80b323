import type { Page } from '@playwright/test';
import { expect, expectLive, test } from './fixtures';

test.use({ viewport: { width: 375, height: 800 } });

async function expectNoHorizontalOverflow(page: Page) {
  const sizes = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  expect(sizes.viewport).toBe(375);
  expect(sizes.doc, 'page scrolls sideways').toBeLessThanOrEqual(sizes.viewport);
  expect(sizes.body, 'body is wider than the screen').toBeLessThanOrEqual(sizes.viewport);
}

test('overview and tasks fit a 375 px phone screen', async ({ adminPage: page, api }) => {
  await api.submitTask({ title: 'e2e phone task with a rather long title that must wrap nicely', capabilities: ['e2e-phone-none'] });

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByTestId('kpi-queue')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' })).toBeVisible();
  await expectLive(page);
  await expectNoHorizontalOverflow(page);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  const cards = page.getByTestId('tasks-table-cards');
  await expect(cards).toBeVisible();
  await expect(cards).toContainText('e2e phone task');
  await expect(page.getByTestId('tasks-table')).toBeHidden();
  await expectNoHorizontalOverflow(page);

  await page.goto('/agents');
  await expect(page.getByTestId('agents-table-cards')).toBeVisible();
  await expectNoHorizontalOverflow(page);
});
