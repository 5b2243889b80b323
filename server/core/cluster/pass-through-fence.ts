import type { WriteFence } from './ports';

/**
 * No fencing: for one process on its own database (embedded PGlite, where a second process
 * cannot open the data directory) and for unit tests. PostgreSQL replicas need the real fence.
 */
export const passThroughFence: WriteFence = {
  run: (_epoch, fn) => fn(),
};
