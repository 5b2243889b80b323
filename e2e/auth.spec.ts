import { expect, expectLive, test } from './fixtures';
import { ADMIN_USER } from './support/api';

test.describe('sign in', () => {
  test('the bootstrap admin signs in and sees the overview', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/signin$/);
    await page.getByLabel('Username').fill(ADMIN_USER.username);
    await page.getByLabel('Password').fill(ADMIN_USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(page.getByTestId('kpi-agents')).toBeVisible();
    await expect(
      page.getByRole('img', { name: /Tasks finished per minute/ }).or(page.getByText('Collecting samples').first()),
    ).toBeVisible();
    await expectLive(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/signin$/);
    await page.goto('/tasks');
    await expect(page).toHaveURL(/\/signin$/);
  });

  test('a wrong password shows an error and stays on the sign-in page', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('Username').fill(ADMIN_USER.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page.locator('form').getByRole('alert')).toHaveText(/wrong username or password/i);
    await expect(page).toHaveURL(/\/signin$/);
  });
});
