import type { Page } from '@playwright/test';
import { expect, expectLive, test } from './fixtures';
import { uniqueName, type FlightdeckApi } from './support/api';

interface Work {
  taskId: string;
  leaseToken: string;
}

interface Seeded {
  agent: { id: string; name: string };
  task: { id: string; title: string };
  deadLetter: string;
  pool: { id: string; name: string };
}

/** An agent with a dead letter and a finished task (decision record, progress log), and a pool running one simulated agent. */
async function seed(api: FlightdeckApi): Promise<Seeded> {
  const capability = uniqueName('e2e-width');
  const name = uniqueName('e2e-width-agent');
  const agent = await api.startAgent({ name, capabilities: [capability] });
  await api.heartbeat(agent.token);

  const deadLetter = uniqueName('e2e width dead letter with a title long enough to wrap on a phone');
  const {
    ids: [dead],
  } = await api.mutate<{ ids: string[] }>('tasks.submit', {
    title: deadLetter,
    capabilities: [capability],
    maxAttempts: 1,
  });
  const first = await api.mutate<Work>('work.poll', { waitMs: 5000 }, agent.token);
  expect(first.taskId).toBe(dead);
  await api.mutate(
    'work.fail',
    {
      taskId: dead,
      leaseToken: first.leaseToken,
      error: `exit code 1: ${'the test runner crashed; '.repeat(8)}`,
      retryable: true,
    },
    agent.token,
  );

  const title = uniqueName('e2e width task that runs the whole test suite and reports back');
  const {
    ids: [taskId],
  } = await api.mutate<{ ids: string[] }>('tasks.submit', {
    title,
    capabilities: [capability],
    payload: { cmd: 'npm test', repo: 'git@example.com:fleet/web.git' },
  });
  const work = await api.mutate<Work>('work.poll', { waitMs: 5000 }, agent.token);
  expect(work.taskId).toBe(taskId);
  const lease = { taskId, leaseToken: work.leaseToken };
  await api.mutate('work.start', lease, agent.token);
  await api.mutate('work.progress', { ...lease, message: 'ran 120 of 240 tests', percent: 50 }, agent.token);
  await api.mutate('work.complete', { ...lease, result: { exitCode: 0, output: 'all tests passed' } }, agent.token);

  const pool = await api.mutate<{ id: string; name: string }>('pools.create', {
    name: uniqueName('e2e-width-pool').toLowerCase(),
    capabilities: [uniqueName('e2e-width-pool-cap')],
    provider: 'simulated',
    providerSettings: { latencyMs: { min: 20, max: 60 }, failureRate: 0, progressSteps: 1, heartbeatIntervalMs: 500 },
    minSize: 1,
    maxSize: 2,
  });
  return { agent: { id: agent.agentId, name }, task: { id: taskId, title }, deadLetter, pool };
}

/**
 * Nothing scrolls the page sideways, and no element is wider than the screen: a wide table
 * scrolling in its own box counts too (a phone gets cards). Boxes that stick out of the screen
 * without being clipped or scrolled by an ancestor count as well (fixed menus and toasts).
 */
async function expectFits(page: Page, what: string) {
  const r = await page.evaluate(() => {
    const vw = window.innerWidth;
    const describe = (el: Element, rect: DOMRect) => {
      const id = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.id;
      const cls = typeof el.className === 'string' ? el.className.split(/\s+/).slice(0, 4).join('.') : '';
      return `<${el.tagName.toLowerCase()}${id ? ` "${id}"` : ''}${cls ? ` .${cls}` : ''}> ${Math.round(rect.left)}…${Math.round(rect.right)} px`;
    };
    const scrolledOrClipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const wide: string[] = [];
    const sticking: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.width > vw + 0.5) wide.push(describe(el, rect));
      else if ((rect.right > vw + 0.5 || rect.left < -0.5) && !scrolledOrClipped(el)) sticking.push(describe(el, rect));
    }
    return {
      vw,
      doc: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      wide: wide.slice(0, 6),
      sticking: sticking.slice(0, 6),
    };
  });
  // Soft: one run lists every page that does not fit, not just the first.
  expect
    .soft(r.doc, `${what}: the page scrolls sideways (${r.doc} px wide on a ${r.vw} px screen)`)
    .toBeLessThanOrEqual(r.vw);
  expect.soft(r.body, `${what}: the body is wider than the screen`).toBeLessThanOrEqual(r.vw);
  expect.soft(r.wide, `${what}: elements wider than the ${r.vw} px screen`).toEqual([]);
  expect.soft(r.sticking, `${what}: elements sticking out of the ${r.vw} px screen`).toEqual([]);
}

/** Opens a dashboard page and waits for its heading, its live stream and what it must show. */
async function open(page: Page, path: string, heading: string | RegExp, shows?: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expectLive(page);
  if (shows) await expect(shown(page, shows)).toBeVisible();
}

/** A visible link to `shows` (a path), or visible text. */
const shown = (page: Page, shows: string) =>
  (shows.startsWith('/')
    ? page.getByRole('main').locator(`a[href="${shows}"]`)
    : page.getByRole('main').getByText(shows)
  )
    .filter({ visible: true })
    .first();

for (const width of [1440, 390]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('every page fits the screen without sideways scrolling', async ({ adminPage: page, api }) => {
      test.setTimeout(180_000);
      const s = await seed(api);
      await open(page, `/pools/${s.pool.id}`, s.pool.name);
      // The autoscaler starts the pool's minimum; its members and decisions fill the page.
      await expect(page.getByTestId('pool-size')).toHaveText('1', { timeout: 20_000 });
      await expect(page.getByTestId('scale-decisions')).toContainText('scale');

      const pages: [string, string, string | RegExp, string?][] = [
        ['overview', '/', 'Overview'],
        ['agents', '/agents', 'Agents'],
        ['an agent', `/agents/${s.agent.id}`, s.agent.name, `/tasks/${s.task.id}`],
        ['tasks', `/tasks`, 'Tasks'],
        ['a task', `/tasks/${s.task.id}`, s.task.title, 'ran 120 of 240 tests'],
        ['dead letters', '/dead-letters', 'Dead letters'],
        ['balancing', '/balancing', 'Balancing'],
        ['pools', '/pools', 'Pools', `/pools/${s.pool.id}`],
        ['a pool', `/pools/${s.pool.id}`, s.pool.name, 'scale'],
      ];
      for (const [what, path, heading, shows] of pages) {
        await open(page, path, heading, shows);
        await expectFits(page, what);
      }

      // The dead-letter list, narrowed to the seeded one.
      await page.goto(`/dead-letters?q=${encodeURIComponent(s.deadLetter)}`);
      await expect(shown(page, s.deadLetter)).toBeVisible();
      await expectFits(page, 'dead letters, one found');

      const missing = await page.goto('/no-such-page/at-all');
      expect(missing?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expectFits(page, 'the 404 page');

      await page.context().clearCookies();
      await page.goto('/signin');
      await expect(page.getByLabel('Password')).toBeVisible();
      await expectFits(page, 'sign-in');
      const signedOut = await page.goto('/no-such-page');
      expect(signedOut?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expectFits(page, 'the 404 page, signed out');
      await api.mutate('pools.remove', { id: s.pool.id });
    });
  });
}

test.describe('the navigation', () => {
  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('is a menu button that opens the full list with the current page marked', async ({ adminPage: page }) => {
      await page.goto('/pools');
      await expectLive(page);
      const nav = page.getByRole('navigation', { name: 'Main' });
      const menu = page.getByRole('button', { name: 'Menu' });
      await expect(menu).toBeVisible();
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(nav.getByRole('link', { name: 'Agents' })).toBeHidden();

      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      for (const name of ['Overview', 'Agents', 'Pools', 'Tasks', 'Dead letters', 'Balancing']) {
        await expect(nav.getByRole('link', { name, exact: false }).first()).toBeInViewport();
      }
      await expect(nav.locator('[aria-current="page"]')).toHaveText('Pools');
      await expectFits(page, 'the open menu');

      await nav.getByRole('link', { name: 'Tasks' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(nav.getByRole('link', { name: 'Agents' })).toBeHidden();

      await menu.click();
      await expect(nav.locator('[aria-current="page"]')).toHaveText('Tasks');
      await page.keyboard.press('Escape');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(menu).toBeFocused();
    });
  });

  test.describe('on a desktop', () => {
    test.use({ viewport: { width: 1440, height: 900 } });

    test('shows every link in the header, with no menu button', async ({ adminPage: page }) => {
      await page.goto('/agents');
      await expectLive(page);
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const name of ['Overview', 'Agents', 'Pools', 'Tasks', 'Dead letters', 'Balancing']) {
        await expect(nav.getByRole('link', { name, exact: false }).first()).toBeInViewport();
      }
      await expect(nav.locator('[aria-current="page"]')).toHaveText('Agents');
      await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
    });
  });
});
