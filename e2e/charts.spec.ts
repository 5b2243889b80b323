import { expect, test } from './fixtures';
import { uniqueName } from './support/api';

interface TaskPage {
  items: { id: string; title: string; status: string; finishedAt: number | null }[];
}

test('switching the time range changes the charts: the range, bucket width and bucket count the chart draws', async ({
  adminPage: page,
}) => {
  await page.goto('/');
  const throughput = page.getByTestId('throughput-card').locator('[data-chart-range]');
  await expect(throughput).toHaveAttribute('data-chart-range', '15m');
  await expect(throughput).toHaveAttribute('data-bucket-ms', '5000');
  const from15 = Number(await throughput.getAttribute('data-from'));

  const picker = page.getByRole('group', { name: /Time range of the throughput/ });
  await picker.getByRole('button', { name: '6 h' }).click();
  await expect(page).toHaveURL(/[?&]range=6h/);
  await expect(throughput).toHaveAttribute('data-chart-range', '6h');
  await expect(throughput).toHaveAttribute('data-bucket-ms', '90000');
  await expect(page.getByTestId('queue-depth-card').locator('[data-chart-range]')).toHaveAttribute(
    'data-chart-range',
    '6h',
  );
  expect(Number(await throughput.getAttribute('data-from'))).toBeLessThan(from15 - 5 * 3_600_000);

  // Keyboard: the arrow keys move the choice along the segments.
  await picker.getByRole('button', { name: '6 h' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(picker.getByRole('button', { name: '24 h' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(throughput).toHaveAttribute('data-chart-range', '7d');
  await expect(throughput).toHaveAttribute('data-buckets', '336');
  // A reload keeps the range: it is in the URL.
  await page.reload();
  await expect(throughput).toHaveAttribute('data-chart-range', '7d');
});

test('clicking a throughput bar opens the tasks that finished in that bucket, with a removable chip', async ({
  adminPage: page,
  api,
}) => {
  await page.goto('/');
  const chart = page.getByTestId('throughput-card').locator('[data-chart-range]');
  // The demo fleet finishes tasks all the time; wait for a few 5 s buckets of them.
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 40_000 })
    .toBeGreaterThanOrEqual(3);
  const bar = chart.locator('.recharts-bar-rectangle').first();
  await expect(bar).toBeVisible();
  await bar.click();

  await expect(page).toHaveURL(/\/tasks\?status=succeeded&since=\d+&until=\d+$/);
  const url = new URL(page.url());
  const since = Number(url.searchParams.get('since'));
  const until = Number(url.searchParams.get('until'));
  expect(until - since).toBe(5_000);
  await expect(page.getByTestId('time-window-chip')).toContainText(/^Finished .*\d{2}.\d{2}.*–.*\d{2}.\d{2}/);

  const expected = await api.query<TaskPage>('tasks.list', { status: ['succeeded'], since, until, limit: 25 });
  expect(expected.items.length).toBeGreaterThan(0);
  for (const t of expected.items) {
    expect(t.finishedAt).toBeGreaterThanOrEqual(since);
    expect(t.finishedAt).toBeLessThan(until);
  }
  const rows = page.getByTestId('tasks-table').locator('tbody tr');
  await expect(rows).toHaveCount(expected.items.length);
  await expect(rows.first()).toContainText(expected.items[0].title);

  // Removing the chip lifts the window (the status filter stays).
  await page
    .getByTestId('time-window-chip')
    .getByRole('button', { name: /Remove filter/ })
    .click();
  await expect(page.getByTestId('time-window-chip')).toHaveCount(0);
  await expect(page).toHaveURL(/\/tasks\?status=succeeded$/);
});

test('the utilisation heatmap follows the range and opens an agent from its row', async ({ adminPage: page }) => {
  await page.goto('/balancing');
  const heatmap = page.getByTestId('utilisation-heatmap');
  await expect(heatmap).toHaveAttribute('data-chart-range', '15m');
  await expect(heatmap).toHaveAttribute('data-columns', '60');
  await page
    .getByRole('group', { name: /Time range of the assignments/ })
    .getByRole('button', { name: '7 d' })
    .click();
  await expect(heatmap).toHaveAttribute('data-chart-range', '7d');
  await expect(heatmap).toHaveAttribute('data-columns', '84');
  const agent = heatmap.getByRole('link').first();
  const name = (await agent.getAttribute('title'))!.split(' · ')[0];
  await agent.click();
  await expect(page).toHaveURL(/\/agents\/[^/?]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
});

test('throughput bars are reachable by keyboard: a focused link says where it leads and Enter opens it', async ({
  adminPage: page,
}) => {
  await page.goto('/');
  const card = page.getByTestId('throughput-card');
  await expect
    .poll(async () => Number(await card.locator('[data-chart-range]').getAttribute('data-points')), { timeout: 40_000 })
    .toBeGreaterThanOrEqual(1);
  const link = card.getByRole('link', { name: /^(Succeeded|Failed) tasks .*: open in Tasks$/ }).first();
  await link.focus();
  await expect(link).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tasks\?status=[a-z,-]+&since=\d+&until=\d+$/);
});

test('the pool chart follows its own time range: buckets, width and window change with the picker', async ({
  adminPage: page,
  api,
}) => {
  const pool = await api.mutate<{ id: string }>('pools.create', {
    name: uniqueName('e2e-ranged')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-'),
    capabilities: [uniqueName('ranged')],
    provider: 'simulated',
    minSize: 1,
    maxSize: 1,
  });
  await page.goto(`/pools/${pool.id}`);
  const chart = page.getByTestId('pool-chart').locator('[data-chart-range]');
  // The autoscaler records the pool on every change and at least every 5 s.
  await expect(chart).toBeVisible({ timeout: 20_000 });
  await expect(chart).toHaveAttribute('data-chart-range', '1h');
  await expect(chart).toHaveAttribute('data-bucket-ms', '15000');
  await expect(chart).toHaveAttribute('data-buckets', '240');
  const fromHour = Number(await chart.getAttribute('data-from'));

  const picker = page.getByRole('group', { name: 'Time range of the pool chart' });
  await picker.getByRole('button', { name: '7 d' }).click();
  await expect(page).toHaveURL(/[?&]range=7d/);
  await expect(chart).toHaveAttribute('data-chart-range', '7d');
  await expect(chart).toHaveAttribute('data-bucket-ms', String(30 * 60_000));
  await expect(chart).toHaveAttribute('data-buckets', '336');
  expect(Number(await chart.getAttribute('data-from'))).toBeLessThan(fromHour - 6 * 86_400_000);
  expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('img', { name: /over the last 7 days/ })).toBeVisible();

  // The range is in the URL: the server prefetches it on a reload.
  await page.reload();
  await expect(chart).toHaveAttribute('data-chart-range', '7d');
  await picker.getByRole('button', { name: '15 min' }).click();
  await expect(chart).toHaveAttribute('data-bucket-ms', '5000');
  await expect(chart).toHaveAttribute('data-buckets', '180');
});
