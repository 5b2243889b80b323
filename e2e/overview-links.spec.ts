import type { Page } from '@playwright/test';
import { expect, expectLive, test } from './fixtures';
import { uniqueName } from './support/api';

async function expectNoHorizontalOverflow(page: Page) {
  const sizes = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  expect(sizes.doc, 'page scrolls sideways').toBeLessThanOrEqual(sizes.viewport);
}

test('the Overview names assigned tasks by title, linked, and every number opens the page that explains it', async ({
  adminPage: page,
  api,
}) => {
  // A task of our own routed now, so the newest decision is one whose title we know.
  const capability = uniqueName('e2e-ov');
  const agent = await api.startAgent({
    name: uniqueName('e2e-ov-worker'),
    capabilities: [capability],
    runtime: uniqueName('e2e-rt'),
  });
  await api.heartbeat(agent.token);
  const title = uniqueName('e2e overview title');
  const {
    ids: [taskId],
  } = await api.submitTask({ title, capabilities: [capability] });
  await expect
    .poll(async () => (await api.query<{ status: string }>('tasks.get', { id: taskId })).status)
    .toBe('assigned');

  await page.goto('/');
  await expectLive(page);
  // The demo fleet keeps routing and the list moves live: read every row at one moment, then
  // check each is a title linked to the task it names.
  const links = page.getByTestId('recent-decisions').getByTestId('decision-task');
  await expect(links.first()).toBeVisible();
  const rows = await links.evaluateAll((all) =>
    all.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' })),
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const { href, text } of rows) {
    expect(href).toMatch(/^\/tasks\/tsk_/);
    const task = await api.query<{ title: string }>('tasks.get', { id: href.split('/').pop() });
    expect(text).toBe(task.title);
  }

  const kpi = (id: string) => page.getByTestId(`${id}-link`);
  await expect(kpi('kpi-dispatch')).toContainText('Enqueue → assigned');
  await expect(kpi('kpi-dispatch')).toHaveAttribute('title', /queue wait|waited for a free, capable agent/);
  await expect(kpi('kpi-decision')).toContainText('µs');
  await expect(kpi('kpi-decision')).toHaveAttribute('href', '/balancing');
  await expect(kpi('kpi-dead-letters')).toHaveAttribute('href', '/dead-letters');
  await expect(kpi('kpi-success')).toHaveAttribute('href', '/tasks?status=failed,dead-lettered');
  await expect(page.getByTestId('kpi-agents').getByRole('link', { name: /idle/ })).toHaveAttribute(
    'href',
    '/agents?status=idle',
  );

  await page.getByTestId('kpi-queue').getByRole('link', { name: /high/ }).click();
  await expect(page).toHaveURL(/\/tasks\?status=queued&priority=high$/);
  await expect(page.getByRole('group', { name: 'Priority' }).getByRole('button', { name: 'high' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

for (const width of [1440, 390]) {
  test(`the Overview fits ${width} px`, async ({ adminPage: page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    await expectLive(page);
    await expect(page.getByTestId('kpi-decision')).toBeVisible();
    await expect(page.getByTestId(width < 768 ? 'recent-decisions-cards' : 'recent-decisions')).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
}
