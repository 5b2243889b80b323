import type { Page } from '@playwright/test';
import { expect, expectLive, test } from './fixtures';
import { ADMIN_USER, uniqueName } from './support/api';

/** Collects every Content-Security-Policy violation the page reports, from the event and the console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (m) => {
    if (/content.security.policy|refused to (load|execute|apply|connect|frame)/i.test(m.text())) logged.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
    );
  });
  return async () => [
    ...logged,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
  ];
}

test.describe('the dashboard under its Content-Security-Policy', () => {
  test('signs in through the form and runs every page without a violation', async ({ page }) => {
    const violations = await watchViolations(page);
    const signin = await page.goto('/signin');
    expect(signin?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    await page.getByLabel('Username').fill(ADMIN_USER.username);
    await page.getByLabel('Password').fill(ADMIN_USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expectLive(page);
    for (const path of ['/agents', '/tasks', '/dead-letters', '/balancing', '/pools']) {
      await page.goto(path);
      await expectLive(page);
      expect(await violations(), path).toEqual([]);
    }
  });

  test('refuses an inline script without the nonce (and the watcher above sees it)', async ({ page }) => {
    const violations = await watchViolations(page);
    // The real page and its real policy, with one script added that carries no nonce.
    await page.route('**/signin', async (route) => {
      const res = await route.fetch();
      const body = (await res.text()).replace('</body>', '<script>window.__injected = true</script></body>');
      await route.fulfill({ response: res, body });
    });
    await page.goto('/signin');
    await expect(page.getByLabel('Username')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);
    await expect.poll(violations).toContainEqual(expect.stringMatching(/script-src/));
  });

  test('a signed-in operator still acts from the dashboard (same-origin JSON with the session cookie)', async ({
    adminPage: page,
  }) => {
    const violations = await watchViolations(page);
    const title = uniqueName('csp-submit');
    await page.goto('/tasks');
    await expectLive(page);
    await page.getByRole('button', { name: 'Submit task' }).click();
    const form = page.getByRole('form', { name: 'Submit task' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Capabilities').fill(uniqueName('e2e-none'));
    await form.getByRole('button', { name: 'Submit task' }).click();
    await expect(form.getByText(/^Submitted/)).toBeVisible();
    await expect(page.getByTestId('tasks-table').locator('tr', { hasText: title })).toBeVisible();
    expect(await violations()).toEqual([]);
  });
});
