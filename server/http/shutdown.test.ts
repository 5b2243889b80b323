import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startBuiltServer, type BuiltServer } from '@/server/testing/built-server';
import { createTestDatabase } from '@/server/testing/test-runtime';

// One data directory (or database) for every start: restarts on existing data, migrations once.
let dataDir: string;
let database: Awaited<ReturnType<typeof createTestDatabase>> | null = null;
beforeAll(async () => {
  await ensureBuilt();
  dataDir = mkdtempSync(path.join(tmpdir(), 'fd-shutdown-'));
  if (process.env.DATABASE_URL)
    database = await createTestDatabase(process.env.DATABASE_URL, `fd_shutdown_${process.pid}`);
}, 600_000);
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
});

/** Milliseconds between the ten signals of each start: at once as a terminal delivers them, then spread across the drain. */
const GAPS_MS = [0, 0, 0, 0, 10, 25, 50, 100, 200, 300];

describe('Ctrl-C on `npm start`', () => {
  it.each(GAPS_MS.map((gap, run) => [run + 1, gap]))(
    'start %i: SIGINT ×10 to the process group, %i ms apart, drains fully and exits 0',
    async (_run, gap) => {
      const server: BuiltServer = await startBuiltServer({ launcher: true, dataDir, databaseUrl: database?.url });
      try {
        // Like a terminal: to the whole foreground group (the launcher and the server), which
        // npm and the launcher then forward to the server as well.
        for (let i = 0; i < 10; i++) {
          server.signal('SIGINT');
          if (gap) await sleep(gap);
        }
        const result = await Promise.race([server.exited, sleep(30_000).then(() => 'still running after 30 s')]);
        const log = server.output();
        // The launcher's exit code is the server's.
        expect(result, log).toEqual({ code: 0, signal: null });
        expect(log).toMatch(/"msg":"shutting down"[\s\S]*"msg":"flightdeck core stopped"/);
        expect(log).toContain('"clean":true');
      } finally {
        await server.stop(2_000);
      }
    },
    120_000,
  );
});
