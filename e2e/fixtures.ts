import { test as base, expect, type Page } from '@playwright/test';
import { ADMIN_USER, FlightdeckApi } from './support/api';

interface Fixtures {
  api: FlightdeckApi;
  /** A page whose browser context holds an admin session cookie (signed in over the API). */
  adminPage: Page;
}

export const test = base.extend<Fixtures>({
  api: async ({ request }, use) => {
    await use(new FlightdeckApi(request));
  },
  adminPage: async ({ page }, use) => {
    const res = await page.request.post('/api/trpc/auth.signIn', { data: ADMIN_USER });
    expect(res.ok(), await res.text()).toBe(true);
    await use(page);
  },
});

export { expect };

/** Waits until the dashboard's live event stream is connected. */
export async function expectLive(page: Page) {
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-status', 'live');
}

/**
 * Marks the current document so a test can prove later that what it saw arrived live,
 * not through a reload (a reload starts a fresh window without the mark).
 */
export async function markDocument(page: Page): Promise<() => Promise<void>> {
  const mark = `m${Math.random().toString(36).slice(2)}`;
  await page.evaluate((m) => {
    (window as unknown as Record<string, string>).__e2eMark = m;
  }, mark);
  return async () => {
    expect(await page.evaluate(() => (window as unknown as Record<string, string>).__e2eMark)).toBe(mark);
  };
}
