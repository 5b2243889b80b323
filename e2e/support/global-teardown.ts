import { rmSync } from 'node:fs';
import { dropE2eDatabase } from './e2e-database.mjs';

/** Removes the run's temporary data directory and PostgreSQL database (the server is stopped right after). */
export default function globalTeardown() {
  const dir = process.env.FLIGHTDECK_E2E_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  const { DATABASE_URL, FLIGHTDECK_E2E_DATABASE_URL } = process.env;
  if (DATABASE_URL && FLIGHTDECK_E2E_DATABASE_URL) dropE2eDatabase(DATABASE_URL, FLIGHTDECK_E2E_DATABASE_URL);
}
