import { rmSync } from 'node:fs';

/** Removes the run's temporary data directory (the server is stopped right after). */
export default function globalTeardown() {
  const dir = process.env.FLIGHTDECK_E2E_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
