import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './testing/data-harness';

describe('the data commands: help, bad arguments and refusals, without a server', { timeout: 120_000 }, () => {
  const work = mkdtempSync(path.join(tmpdir(), 'fd-data-cli-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(['backup', 'restore', 'export', 'import'])(
    'flightdeck %s --help explains it and its exit codes',
    async (command) => {
      const result = await runCli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: flightdeck ${command} FILE`);
      expect(result.stdout).toContain('Exit codes: 0 done');
    },
  );

  it('names a missing FILE or an unknown option, exit code 2', async () => {
    const missing = await runCli(['backup']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('flightdeck backup: missing FILE');
    expect(missing.stderr).toContain('flightdeck backup --help');
    const unknown = await runCli(['restore', 'x.tar.gz', '--everything']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option --everything');
  });

  it('backup and restore refuse production mode, pointing to pg_dump', async () => {
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    const backup = await runCli(['backup', path.join(work, 'b.tar.gz')], { env });
    expect(backup.code).toBe(3);
    expect(backup.stderr).toContain('pg_dump');
    const restore = await runCli(['restore', path.join(work, 'b.tar.gz')], { env });
    expect(restore.code).toBe(3);
    expect(restore.stderr).toContain('pg_restore');
  });

  it('backup of a directory without a database fails and writes nothing; FILE is relative to where it runs', async () => {
    const result = await runCli(['backup', 'b.tar.gz'], {
      cwd: work,
      env: { FLIGHTDECK_DATA_DIR: path.join(work, 'empty') },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`there is no database in ${path.join(work, 'empty')}`);
    writeFileSync(path.join(work, 'exists.tar.gz'), 'x');
    const exists = await runCli(['backup', 'exists.tar.gz'], { cwd: work });
    expect(exists.code).toBe(3);
    expect(exists.stderr).toContain(`${path.join(work, 'exists.tar.gz')} already exists`);
  });
});
