import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type BuiltServer } from '../testing/built-server';
import { api, readFleet, runCli, seedFleet, type FleetView } from './testing/data-harness';

// Backup and restore concern the embedded data directory, so these servers run embedded in
// either test mode (an empty DATABASE_URL / REDIS_URL switches production mode off).
const EMBEDDED = { DATABASE_URL: '', REDIS_URL: '' };

describe('flightdeck backup / restore against the built server', { timeout: 240_000 }, () => {
  const work = mkdtempSync(path.join(tmpdir(), 'fd-backup-test-'));
  const dataDir = path.join(work, 'data');
  const backup = path.join(work, 'fleet.tar.gz');
  const servers: BuiltServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(work, { recursive: true, force: true });
  });
  const start = async () => {
    const server = await startBuiltServer({ dataDir, env: EMBEDDED });
    servers.push(server);
    return server;
  };

  let before: FleetView;
  let first: BuiltServer;

  it('backs up a running server through it, and refuses what would not be consistent', async () => {
    first = await start();
    await seedFleet(first);
    before = await readFleet(first);
    expect(before.agents.map((a) => a.name).sort()).toEqual(['builder', 'writer']);
    expect(before.tasks.map((t) => t.status).sort()).toEqual(['failed', 'queued', 'succeeded']);
    expect(before.decisions).toHaveLength(2);

    const env = { FLIGHTDECK_DATA_DIR: dataDir, PORT: String(first.port) };
    const noToken = await runCli(['backup', backup], { env });
    expect(noToken.code).toBe(3);
    expect(noToken.stderr).toContain(`in use by process ${first.pid}`);
    expect(noToken.stderr).toContain('--token');

    const made = await runCli(['backup', backup], { env: { ...env, FLIGHTDECK_ADMIN_TOKEN: first.token } });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`the running server at http://127.0.0.1:${first.port} (pid ${first.pid})`);
    expect(made.stdout).toContain('2 agents, 3 tasks, 2 decisions');
    expect(first.output()).toContain('backup taken');

    const again = await runCli(['backup', backup, '--token', first.token], { env });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('already exists; pass --force');
  });

  it('refuses to restore while a server holds the directory, naming the process and its lock', async () => {
    const refused = await runCli(['restore', backup], { env: { FLIGHTDECK_DATA_DIR: dataDir } });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      `in use by process ${first.pid} (lock file ${path.join(dataDir, 'flightdeck.lock')})`,
    );
    expect((await readFleet(first)).agents).toEqual(before.agents);
  });

  it('a second server on a data directory in use refuses to start, naming the holder', async () => {
    const second = await startBuiltServer({ dataDir, env: EMBEDDED, waitReady: false });
    servers.push(second);
    const { code } = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toContain(`the data directory ${dataDir} is in use by process ${first.pid}`);
    expect((await readFleet(first)).tasks).toEqual(before.tasks);
  });

  it('backup → wipe → restore gives back the same agents, tasks and decisions', async () => {
    await api(first, 'tasks.submit', { title: 'Submitted after the backup', capabilities: ['bash'] });
    expect((await first.stop()).code).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });

    const restored = await runCli(['restore', backup], { env: { FLIGHTDECK_DATA_DIR: dataDir } });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('2 agents, 3 tasks, 2 decisions');

    const next = await start();
    expect(await readFleet(next)).toEqual(before);
    expect((await next.stop()).code).toBe(0);
  });

  it('restores over an existing database only with --force, keeping the replaced one', async () => {
    const refused = await runCli(['restore', backup], { env: { FLIGHTDECK_DATA_DIR: dataDir } });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('already holds a database; pass --force');

    const forced = await runCli(['restore', backup, '--force', '--data-dir', dataDir]);
    expect(forced.code, forced.stderr).toBe(0);
    const kept = readdirSync(dataDir).filter((f) => f.startsWith('pglite.replaced-'));
    expect(kept).toHaveLength(1);
    expect(forced.stdout).toContain(path.join(dataDir, kept[0]));
    expect(existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
  });

  it('rejects a file that is not a backup, leaving the data directory alone', async () => {
    const bogus = path.join(work, 'notes.txt');
    writeFileSync(bogus, 'not a backup at all\n');
    const before = readdirSync(path.join(dataDir, 'pglite')).sort();
    const result = await runCli(['restore', bogus, '--force'], { env: { FLIGHTDECK_DATA_DIR: dataDir } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a Flightdeck backup');
    expect(readdirSync(path.join(dataDir, 'pglite')).sort()).toEqual(before);
  });
});
