import type { Page } from '@playwright/test';
import { expect, expectLive, test } from './fixtures';
import { uniqueName } from './support/api';

const isDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('dark'));
/** The page background's lightness, 0 (black) to 1 (white), from the colour Chromium computes (`lab(…)` or `oklch(…)`). */
const backgroundLightness = (page: Page) =>
  page.evaluate(() => {
    const color = getComputedStyle(document.body).backgroundColor;
    const l = Number(/^\w+\(([\d.]+)/.exec(color)?.[1]);
    return color.startsWith('lab') ? l / 100 : l;
  });

test.describe('the theme', () => {
  test.use({ colorScheme: 'light' });

  test('follows the OS by default, switches to dark or light from the header, and stays so after a reload', async ({
    adminPage: page,
  }) => {
    test.setTimeout(120_000);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/content.security.policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto('/');
    await expectLive(page);
    expect(await isDark(page)).toBe(false);
    expect(await backgroundLightness(page)).toBeGreaterThan(0.9);

    // System (the default) follows the OS as it changes.
    const theme = page.getByRole('button', { name: /^Theme/ });
    await expect(theme).toHaveAccessibleName('Theme: system');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => isDark(page)).toBe(true);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => isDark(page)).toBe(false);

    await theme.click();
    await expect(page.getByRole('menuitemradio', { name: 'System' })).toHaveAttribute('aria-checked', 'true');
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await expect(theme).toHaveAccessibleName('Theme: dark');
    expect(await isDark(page)).toBe(true);
    expect(await backgroundLightness(page)).toBeLessThan(0.2);
    expect(await page.evaluate(() => localStorage.getItem('flightdeck-theme'))).toBe('dark');

    // Before any of the app's JavaScript runs, the inline script (with the CSP nonce) has set it.
    await page.route('**/_next/static/chunks/**', (route) => route.abort());
    await page.reload();
    expect(await isDark(page)).toBe(true);
    expect(await backgroundLightness(page)).toBeLessThan(0.2);
    await page.unroute('**/_next/static/chunks/**');
    await page.reload();
    await expectLive(page);
    await expect(theme).toHaveAccessibleName('Theme: dark');
    expect(await isDark(page)).toBe(true);

    // Light holds against a dark OS; the sign-in page (outside the dashboard) follows too.
    await page.emulateMedia({ colorScheme: 'dark' });
    await theme.click();
    await page.getByRole('menuitemradio', { name: 'Light' }).click();
    expect(await isDark(page)).toBe(false);
    await page.reload();
    expect(await isDark(page)).toBe(false);
    await page.goto('/signin');
    expect(await isDark(page)).toBe(false);

    await page.goto('/');
    await expectLive(page);
    await theme.click();
    await page.getByRole('menuitemradio', { name: 'System' }).click();
    expect(await isDark(page)).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('flightdeck-theme'))).toBeNull();
    expect(violations).toEqual([]);
  });
});

test.describe('keyboard shortcuts', () => {
  test('g a opens Agents, g p Pools, ? lists the shortcuts, / focuses the search box, and none fires while typing', async ({
    adminPage: page,
    api,
  }) => {
    const pool = await api.mutate<{ id: string; name: string }>('pools.create', {
      name: uniqueName('e2e-keys').toLowerCase(),
      capabilities: [uniqueName('e2e-keys-cap')],
      provider: 'simulated',
      minSize: 0,
      maxSize: 1,
    });
    await page.goto('/');
    await expectLive(page);
    // One call types both keys: `g` waits 1.5 s for the next, and a loaded test runner can take longer between calls.
    await page.keyboard.type('ga');
    await expect(page).toHaveURL(/\/agents$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Agents' })).toBeVisible();

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    for (const line of [
      'Overview',
      'Agents',
      'Tasks',
      'Dead letters',
      'Balancing',
      'Pools',
      'Focus the search box',
      'Show this list',
    ]) {
      await expect(help).toContainText(line);
    }
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    await page.keyboard.type('gp');
    await expect(page.getByRole('heading', { level: 1, name: 'Pools' })).toBeVisible();
    const search = page.locator('[data-shortcut="search"]');
    await expect(search).not.toBeFocused();
    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    // Typing in it types: no shortcut fires, and the slash pressed to focus it was not typed.
    await page.keyboard.type('g t ?');
    await expect(search).toHaveValue('g t ?');
    await expect(page).toHaveURL(/\/pools$/);
    await expect(help).toBeHidden();
    await search.fill(pool.name);
    await expect(page.getByRole('main').getByRole('link', { name: pool.name }).first()).toBeVisible();
    await search.fill(uniqueName('no-such-pool'));
    await expect(page.getByText('No pools match')).toBeVisible();
    await api.mutate('pools.remove', { id: pool.id });
  });
});

test.describe('an unknown address', () => {
  test('answers 404 with the styled page inside the dashboard, with a link home', async ({ adminPage: page }) => {
    const res = await page.goto('/agents/some/thing/else');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('/agents/some/thing/else');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the overview' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  });

  test('an unknown pool shows the same page inside the dashboard', async ({ adminPage: page }) => {
    // Streamed after the dashboard's loading state, so the status is already 200: the page still says 404.
    await page.goto('/pools/pool_does_not_exist');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('/pools/pool_does_not_exist');
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await page.getByRole('main').getByRole('link', { name: 'Pools' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pools' })).toBeVisible();
  });

  for (const path of ['/agents/agt_does_not_exist', '/tasks/tsk_does_not_exist']) {
    test(`an unknown id (${path}) shows the same page, not an error to retry`, async ({ adminPage: page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(path);
      await expect(page.getByRole('button', { name: /Retry|Try again/ })).toHaveCount(0);
    });
  }

  test('answers 404 with the styled page when signed out, with links home and to sign in', async ({ page }) => {
    const res = await page.goto('/nowhere');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the overview' }).click();
    // The overview needs a session: the sign-in page it sends you to.
    await expect(page).toHaveURL(/\/signin$/);
  });
});
