import type { Page } from '@playwright/test';
import { expect, expectLive, test } from './fixtures';
import type { FlightdeckApi } from './support/api';

interface Policy {
  current: { strategy: string; changedBy: { kind: string; name: string } | null };
}

/** The demo fleet routes tasks in e2e; the replay and the feed need some recorded decisions. */
async function waitForDecisions(api: FlightdeckApi) {
  await expect
    .poll(async () => (await api.query<unknown[]>('balancing.decisions', { limit: 5 })).length, { timeout: 45_000 })
    .toBeGreaterThan(0);
}

async function openBalancing(page: Page) {
  await page.goto('/balancing');
  await expect(page.getByRole('heading', { level: 1, name: 'Load balancing' })).toBeVisible();
  await expectLive(page);
}

test('an operator switches the strategy, sees it recorded, and replays the recorded window', async ({
  adminPage: page,
  api,
}) => {
  test.setTimeout(90_000);
  await waitForDecisions(api);
  await openBalancing(page);
  await expect(page.getByTestId('kpi-imbalance')).toContainText('coefficient of variation of utilisation');

  try {
    const form = page.getByRole('form', { name: 'Routing strategy' });
    // A refused weight comes back next to its field, and nothing changes.
    await form.getByRole('radio', { name: /^composite/ }).check();
    await form.getByRole('spinbutton', { name: /^load\b/ }).fill('-1');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('alert')).toContainText('weight "load" must be a finite number ≥ 0');

    await form.getByRole('radio', { name: /^round-robin/ }).check();
    await expect(form.getByRole('spinbutton')).toHaveCount(0);
    await form.getByRole('button', { name: 'Save' }).click();
    // It routes the whole fleet: the dashboard asks first.
    await page.getByRole('alertdialog').getByRole('button', { name: 'Switch to round-robin' }).click();
    await expect(page.getByTestId('current-strategy-name')).toHaveText('round-robin');
    await expect(page.getByTestId('current-strategy')).toContainText('set by admin');
    const latest = page.getByTestId('policy-history').locator('tbody tr').first();
    await expect(latest).toContainText('round-robin');
    await expect(latest).toContainText('admin');
    expect((await api.query<Policy>('balancing.policy', {})).current).toMatchObject({
      strategy: 'round-robin',
      // The dashboard's signed-in user, stored as who acted.
      changedBy: { kind: 'user', name: 'admin' },
    });

    // The feed and one decision taken apart.
    // The demo fleet keeps deciding, so newer decisions push in above the one clicked: find it by its content.
    const feed = page.getByTestId('decision-feed');
    const clicked = feed.getByRole('button').first();
    const label = (await clicked.innerText()).split('\n').find((line) => line.startsWith('tsk_'));
    await clicked.click();
    const chosen = label ? feed.getByRole('button').filter({ hasText: label }) : clicked;
    await expect(chosen).toHaveAttribute('aria-pressed', 'true');
    const breakdown = page.getByTestId('decision-breakdown');
    await expect(breakdown.getByTestId('decision-time')).toHaveText(/^[\d,]+ µs$/);
    await expect(breakdown.getByTestId('score-terms-chart')).toBeVisible();

    // A replay of the recorded window under another strategy.
    const whatIf = page.getByTestId('what-if');
    await whatIf.getByLabel('Strategy').selectOption('least-loaded');
    await whatIf.getByLabel('Decisions to replay').fill('300');
    await whatIf.getByRole('button', { name: 'Run replay' }).click();
    const results = whatIf.getByTestId('what-if-results');
    await expect(results).toBeVisible({ timeout: 20_000 });
    await expect(results.getByTestId('what-if-changed')).toContainText(/changed \d+ of [1-9]\d*/);
    await expect(results.getByTestId('what-if-imbalance-recorded')).toHaveText(/^\d+(\.\d+)?$/);
    await expect(results.getByTestId('what-if-imbalance-replayed')).toHaveText(/^\d+(\.\d+)?$/);
    await expect(results.getByTestId('what-if-wait-replayed')).toHaveText(/\d/);
    await expect(results.getByTestId('what-if-window')).toContainText('decisions from');
    await expect(results.getByRole('img', { name: /recorded and replayed/ })).toBeVisible();
  } finally {
    // One server for every spec: leave routing as the others expect it.
    await api.mutate('balancing.setStrategy', { strategy: { name: 'composite' } });
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the balancing page fits a 375 px screen', async ({ adminPage: page, api }) => {
    await waitForDecisions(api);
    await openBalancing(page);
    await expect(page.getByTestId('strategy-card')).toBeVisible();
    await expect(page.getByTestId('decision-feed')).toBeVisible();
    const sizes = await page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
    }));
    expect(sizes.doc, 'page scrolls sideways').toBeLessThanOrEqual(sizes.viewport);
  });
});
