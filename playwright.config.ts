import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { findChromium, INSTALL_HINT } from './cli/chromium.mjs';
import { createE2eDatabase } from './e2e/support/e2e-database.mjs';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// `npm test` finds (or installs) Chromium first and passes it on; run directly, look for one here.
const chromium = findChromium();
if (!chromium) throw new Error(INSTALL_HINT);

// Workers load this file too; they inherit the runner's env, so the directory is made once.
process.env.FLIGHTDECK_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'flightdeck-e2e-'));
// With PostgreSQL, a fresh database per run (dropped at the end), beside the one DATABASE_URL names.
if (process.env.DATABASE_URL) process.env.FLIGHTDECK_E2E_DATABASE_URL ??= createE2eDatabase(process.env.DATABASE_URL);

/** The built app (`next build` runs before this, in `npm test`), on a fresh data directory. */
export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalTeardown: './e2e/support/global-teardown.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium.path,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The production server (Next for pages, tRPC straight from Node), as `npm start` runs it.
    command: 'node --import tsx server/http/serve.ts',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      FLIGHTDECK_DATA_DIR: process.env.FLIGHTDECK_E2E_DATA_DIR,
      FLIGHTDECK_ADMIN_TOKEN: 'e2e-admin-token-0123456789',
      FLIGHTDECK_ADMIN_PASSWORD: 'e2e-password',
      FLIGHTDECK_DEMO: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      // Alerts evaluate every second and resolve a second after their condition clears (tests shorten a rule's `for`).
      FLIGHTDECK_ALERT_EVAL_MS: '1000',
      FLIGHTDECK_ALERT_RESOLVE_DELAY_MS: '1000',
      // Webhook receivers in the tests listen on 127.0.0.1.
      FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS: '1',
      ...(process.env.FLIGHTDECK_E2E_DATABASE_URL ? { DATABASE_URL: process.env.FLIGHTDECK_E2E_DATABASE_URL } : {}),
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    },
  },
});
