import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { ROOT } from '../../cli/build.mjs';
import { startBuiltServer, type BuiltServer } from '../testing/built-server';
import { appliedMigrations, knownMigrations } from './catalog';
import { api, readFleet, runCli } from './testing/data-harness';

/** A data directory written by release cd05e9f (db/fixtures/README.md says how it was made). */
const FIXTURE = path.join(ROOT, 'db', 'fixtures', 'release-cd05e9f.tar.br');

describe('a data directory of the previous release', { timeout: 240_000 }, () => {
  const work = mkdtempSync(path.join(tmpdir(), 'fd-upgrade-test-'));
  const dataDir = path.join(work, 'data');
  let server: BuiltServer | null = null;
  afterAll(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('opens on this version: migrated at start, every row readable through the API', async () => {
    const tarball = path.join(work, 'previous.tar');
    writeFileSync(tarball, brotliDecompressSync(readFileSync(FIXTURE)));
    const restored = await runCli(['restore', tarball], { env: { FLIGHTDECK_DATA_DIR: dataDir } });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('3 agents, 6 tasks, 3 decisions');

    server = await startBuiltServer({ dataDir, env: { DATABASE_URL: '', REDIS_URL: '' } });
    const fleet = await readFleet(server);
    expect(fleet.agents.map((a) => a.name).sort()).toEqual(['fixture-bash', 'fixture-docs', 'fixture-ts']);
    expect(fleet.agents.find((a) => a.name === 'fixture-docs')?.labels).toEqual({ team: 'docs' });
    const status = Object.fromEntries(fleet.tasks.map((t) => [t.title, t.status]));
    expect(status).toMatchObject({
      'Fix the flaky login test': 'succeeded',
      'Port the build script': 'failed',
      'Train the model': 'queued',
      'Obsolete cleanup': 'cancelled',
      'Publish the release notes': 'blocked',
    });
    expect(Object.keys(status)).toContain('Write the release notes');
    expect(fleet.tasks.find((t) => t.title === 'Fix the flaky login test')?.result).toEqual({
      exitCode: 0,
      output: 'fixed',
    });
    expect(fleet.decisions.map((d) => d.winnerAgentName).sort()).toEqual([
      'fixture-bash',
      'fixture-docs',
      'fixture-ts',
    ]);
    const pools = await api<{ name: string }[]>(server, 'pools.list', undefined, { query: true });
    expect(pools.map((p) => p.name)).toContain('fixture-pool');

    // The upgraded database keeps working: new work is accepted and listed with the old.
    await api(server, 'tasks.submit', { title: 'After the upgrade', capabilities: ['typescript'] });
    expect((await readFleet(server)).tasks).toHaveLength(7);

    expect((await server.stop()).code).toBe(0);
    server = null;
    const database = await openDatabase({ dataDir });
    try {
      expect(await appliedMigrations(database.db)).toEqual(knownMigrations());
    } finally {
      await database.close();
    }
  });
});
