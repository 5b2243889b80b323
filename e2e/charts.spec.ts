import { expect, test } from './fixtures';

interface TaskPage { items: { id: string; title: string; status: string; finishedAt: number | null }[] }

test('switching the time range changes the charts: the range, bucket width and bucket count the chart draws', async ({ adminPage: page }) => {
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
  await expect(page.getByTestId('queue-depth-card').locator('[data-chart-range]')).toHaveAttribute('data-chart-range', '6h');
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

test('clicking a throughput bar opens the tasks that finished in that bucket, with a removable chip', async ({ adminPage: page, api }) => {
  await page.goto('/');
  const chart = page.getByTestId('throughput-card').locator('[data-chart-range]');
  // The demo fleet finishes tasks all the time; wait for a few 5 s buckets of them.
  await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 40_000 }).toBeGreaterThanOrEqual(3);
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
  await page.getByTestId('time-window-chip').getByRole('button', { name: /Remove filter/ }).click();
  await expect(page.getByTestId('time-window-chip')).toHaveCount(0);
  await expect(page).toHaveURL(/\/tasks\?status=succeeded$/);
});

test('the utilisation heatmap follows the range and opens an agent from its row', async ({ adminPage: page }) => {
  await page.goto('/balancing');
  const heatmap = page.getByTestId('utilisation-heatmap');
  await expect(heatmap).toHaveAttribute('data-chart-range', '15m');
  await expect(heatmap).toHaveAttribute('data-columns', '60');
  await page.getByRole('group', { name: /Time range of the assignments/ }).getByRole('button', { name: '7 d' }).click();
  await expect(heatmap).toHaveAttribute('data-chart-range', '7d');
  await expect(heatmap).toHaveAttribute('data-columns', '84');
  const agent = heatmap.getByRole('link').first();
  const name = (await agent.getAttribute('title'))!.split(' · ')[0];
  await agent.click();
  await expect(page).toHaveURL(/\/agents\/[^/?]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
});
