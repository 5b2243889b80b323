import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type BuiltServer } from '../testing/built-server';
import { createTestDatabase } from '../testing/test-runtime';
import { readFleet, runCli, seedFleet, type FleetView } from './testing/data-harness';

/**
 * From an embedded server to a fresh target, as an operator moves to production: PostgreSQL
 * when the run has DATABASE_URL, else another embedded data directory.
 */
describe('flightdeck export / import', { timeout: 240_000 }, () => {
  const work = mkdtempSync(path.join(tmpdir(), 'fd-export-test-'));
  const file = path.join(work, 'fleet.jsonl.gz');
  const servers: BuiltServer[] = [];
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    for (const drop of drops) await drop().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  });

  /** A fresh, never-started target: the environment `flightdeck import` needs, and the server options to start on it. */
  const freshTarget = async (): Promise<{
    env: Record<string, string>;
    server: { databaseUrl?: string; dataDir?: string };
  }> => {
    if (process.env.DATABASE_URL) {
      const db = await createTestDatabase(process.env.DATABASE_URL, `fd_import_${randomBytes(4).toString('hex')}`);
      drops.push(db.drop);
      return { env: { DATABASE_URL: db.url }, server: { databaseUrl: db.url } };
    }
    const dataDir = path.join(work, `target-${randomBytes(4).toString('hex')}`);
    return { env: { FLIGHTDECK_DATA_DIR: dataDir }, server: { dataDir } };
  };

  let source: BuiltServer;
  let before: FleetView;

  it('exports a running embedded server from one consistent copy', async () => {
    source = await startBuiltServer({ env: { DATABASE_URL: '', REDIS_URL: '' } });
    servers.push(source);
    await seedFleet(source);
    before = await readFleet(source);
    const result = await runCli(['export', file], {
      env: { FLIGHTDECK_DATA_DIR: source.dataDir, PORT: String(source.port), FLIGHTDECK_ADMIN_TOKEN: source.token },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `Exported the running server at http://127.0.0.1:${source.port} (pid ${source.pid})`,
    );
    expect(result.stdout).toMatch(/2 agents, 3 tasks, 2 decisions/);
    const [header] = gunzipSync(readFileSync(file)).toString().split('\n');
    expect(JSON.parse(header)).toMatchObject({
      format: 'flightdeck-export',
      version: 1,
      source: 'pglite',
      rows: { agents: 2, tasks: 3, assignment_decisions: 2 },
    });
  });

  it('imports into a fresh database: the same agents, tasks, decisions and credentials', async () => {
    const target = await freshTarget();
    const result = await runCli(['import', file], { env: target.env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('2 agents, 3 tasks, 2 decisions');

    const again = await runCli(['import', file], { env: target.env });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('the target database is not empty (agents: 2');

    // The source's admin token is the only one this server is given: imported credentials work.
    const server = await startBuiltServer({ ...target.server, env: { FLIGHTDECK_ADMIN_TOKEN: source.token } });
    servers.push(server);
    expect(await readFleet(server)).toEqual(before);
  });

  it('a damaged export loads nothing, and the target stays ready for a good one', async () => {
    const target = await freshTarget();
    const lines = gunzipSync(readFileSync(file)).toString().trimEnd().split('\n');
    const truncated = path.join(work, 'truncated.jsonl.gz');
    writeFileSync(truncated, gzipSync(lines.slice(0, -3).join('\n') + '\n'));
    const bad = await runCli(['import', truncated], { env: target.env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('the file is incomplete');

    const good = await runCli(['import', file], { env: target.env });
    expect(good.code, good.stderr).toBe(0);
  });

  it('says clearly what is wrong with a file that is not an export', async () => {
    const notes = path.join(work, 'notes.txt');
    writeFileSync(notes, 'hello\n');
    const result = await runCli(['import', notes], { env: { FLIGHTDECK_DATA_DIR: path.join(work, 'unused') } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a Flightdeck export');
  });
});
