import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedAgentSpec } from '@/server/core/pools/ports';
import { ProcessProvider } from './process-provider';
import { flightdeckAgentCommand } from './worker-command';

let dir: string;
const refs: { provider: ProcessProvider; ref: string }[] = [];

/** Small stand-ins for the worker: one drains on SIGTERM, one ignores it. */
const SCRIPTS = {
  graceful: `
    console.log('ready ' + process.argv.slice(2).join(' '));
    console.error('to stderr, secret=' + (process.env.FLIGHTDECK_ADMIN_TOKEN ?? 'none') + ' extra=' + process.env.EXTRA);
    process.on('SIGTERM', () => { console.log('draining'); setTimeout(() => process.exit(0), 50); });
    setInterval(() => {}, 1000);`,
  crashing: `
    console.log('starting');
    console.error('error: no API key');
    process.stderr.write('no newline at the end');
    setTimeout(() => process.exit(3), 50);`,
  stubborn: `
    process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
    console.log('ready');
    setInterval(() => {}, 1000);`,
};

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fd-process-provider-'));
  for (const [name, body] of Object.entries(SCRIPTS)) writeFileSync(path.join(dir, `${name}.mjs`), body);
});

afterEach(async () => {
  for (const { provider, ref } of refs.splice(0)) await provider.remove(ref);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spec(over: Partial<ManagedAgentSpec> = {}): ManagedAgentSpec {
  return {
    poolName: 'local',
    agentId: 'agt_1',
    agentName: 'local-1',
    agentToken: 'fd_agent_secret',
    serverUrl: 'http://127.0.0.1:3000',
    adapter: 'shell',
    capabilities: ['code', 'test'],
    concurrency: 2,
    settings: {},
    ...over,
  };
}

function providerRunning(script: keyof typeof SCRIPTS, baseEnv: NodeJS.ProcessEnv = process.env): ProcessProvider {
  return new ProcessProvider({
    command: (s) => ({ cmd: process.execPath, args: [path.join(dir, `${script}.mjs`), s.agentName] }),
    baseEnv,
  });
}

async function started(provider: ProcessProvider, s: ManagedAgentSpec): Promise<string> {
  const { ref } = await provider.start(s);
  refs.push({ provider, ref });
  await expect.poll(() => provider.logs(ref, 10), { timeout: 5_000 }).toContain('ready');
  return ref;
}

describe('ProcessProvider', () => {
  it('runs a worker: pid ref, output in logs, SIGTERM lets it drain', async () => {
    const provider = providerRunning('graceful', { ...process.env, FLIGHTDECK_ADMIN_TOKEN: 'admin-secret' });
    const ref = await started(provider, spec({ settings: { env: { EXTRA: 'yes' } } }));
    expect(ref).toMatch(/^\d+$/);
    expect(await provider.isRunning(ref)).toBe(true);
    const logs = await provider.logs(ref, 10);
    expect(logs).toContain('ready local-1');
    // stderr is kept too; the pool's env reaches the worker, the server's admin token does not.
    await expect.poll(() => provider.logs(ref, 10)).toContain('to stderr, secret=none extra=yes');

    const t0 = Date.now();
    await provider.stop(ref, 5_000);
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(await provider.isRunning(ref)).toBe(false);
    const after = await provider.logs(ref, 10);
    expect(after).toContain('draining');
    expect(after).toContain('worker exited (code 0)');
    expect(await provider.logs(ref, 1)).toBe('[flightdeck] worker exited (code 0)');
  });

  it('reports how a worker ended: exit code or signal, and the tail of its stderr alone', async () => {
    const provider = providerRunning('crashing');
    const { ref } = await provider.start(spec());
    refs.push({ provider, ref });
    expect(await provider.exitOf(ref)).toBeNull();
    await expect.poll(() => provider.isRunning(ref), { timeout: 5_000 }).toBe(false);
    expect(await provider.exitOf(ref)).toEqual({
      code: 3,
      signal: null,
      stderr: ['error: no API key', 'no newline at the end'],
    });

    const stubborn = providerRunning('stubborn');
    const killed = await started(stubborn, spec({ agentId: 'agt_2' }));
    await stubborn.stop(killed, 0);
    expect(await stubborn.exitOf(killed)).toEqual({ code: null, signal: 'SIGKILL', stderr: [] });
    expect(await new ProcessProvider().exitOf(killed)).toBeNull();
  });

  it('kills a worker that ignores SIGTERM once the grace is over', async () => {
    const provider = providerRunning('stubborn');
    const ref = await started(provider, spec());
    const t0 = Date.now();
    await provider.stop(ref, 300);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(await provider.isRunning(ref)).toBe(false);
    const logs = await provider.logs(ref, 10);
    expect(logs).toContain('ignoring SIGTERM');
    expect(logs).toContain('worker exited (signal SIGKILL)');
  });

  it('finds its agents again after a server restart, and leaves strangers alone', async () => {
    const before = providerRunning('graceful');
    const ref = await started(before, spec());
    const after = new ProcessProvider();
    expect(await after.isRunning(ref)).toBe(true);
    expect(await after.logs(ref, 5)).toContain('earlier server process');
    await after.stop(ref, 2_000);
    expect(await after.isRunning(ref)).toBe(false);
    // The old parent learns of the exit a moment later (the zombie counts as gone already).
    await expect.poll(() => before.isRunning(ref)).toBe(false);

    // The test runner is alive but was not started by a provider: not ours, never signalled.
    expect(await after.isRunning(String(process.pid))).toBe(false);
    await after.stop(String(process.pid), 0);
    for (const bad of ['abc', '0', '1', '-5', '']) expect(await after.isRunning(bad)).toBe(false);
  });

  it('stop and remove are safe to repeat', async () => {
    const provider = providerRunning('graceful');
    const ref = await started(provider, spec());
    await provider.stop(ref, 1_000);
    await provider.stop(ref, 1_000);
    await provider.remove(ref);
    await provider.remove(ref);
    expect(await provider.isRunning(ref)).toBe(false);
  });

  it('remove stops a running worker', async () => {
    const provider = new ProcessProvider({
      command: () => ({ cmd: process.execPath, args: [path.join(dir, 'graceful.mjs')] }),
      removeGraceMs: 1_000,
    });
    const ref = await started(provider, spec());
    await provider.remove(ref);
    expect(await provider.isRunning(ref)).toBe(false);
  });

  it('a worker command that cannot start rejects start with the reason', async () => {
    const provider = new ProcessProvider({ command: () => ({ cmd: path.join(dir, 'no-such-binary'), args: [] }) });
    await expect(provider.start(spec())).rejects.toThrow(/could not start the agent worker .*ENOENT/);
  });

  it('builds the `flightdeck agent` command line from the spec and settings', () => {
    const line = flightdeckAgentCommand('/repo')(
      spec({ settings: { command: 'make {{task}}', args: ['--verbose'] } }),
      '/tmp/work',
    );
    expect(line.cmd).toBe(process.execPath);
    expect(line.args).toEqual([
      '/repo/cli/bin.mjs',
      'agent',
      '--url',
      'http://127.0.0.1:3000',
      '--adapter',
      'shell',
      '--capabilities',
      'code,test',
      '--concurrency',
      '2',
      '--name',
      'local-1',
      '--workdir',
      '/tmp/work',
      '--command',
      'make {{task}}',
      '--verbose',
    ]);
    expect(flightdeckAgentCommand('/repo')(spec(), '/w').args).not.toContain('--command');
    // The token travels in the child's environment (FLIGHTDECK_TOKEN), never on a command line `ps` shows.
    expect(line.args.join(' ')).not.toContain('fd_agent_secret');
  });

  it('validates settings with messages naming the field', () => {
    const provider = new ProcessProvider();
    expect(provider.validateSettings({})).toBeNull();
    expect(
      provider.validateSettings({ workdir: '/srv/agents', command: 'echo {{title}}', args: ['-v'], env: { A: 'b' } }),
    ).toBeNull();
    expect(provider.validateSettings({ args: 'nope' })).toMatch(/^args: /);
    expect(provider.validateSettings({ env: { A: 1 } })).toMatch(/^env\.A: /);
    expect(provider.validateSettings({ workdri: '/x' })).toMatch(/workdri/);
  });

  it('check() says whether the worker files exist', async () => {
    expect(await new ProcessProvider({ requiredFiles: [path.join(dir, 'graceful.mjs')] }).check()).toMatchObject({
      ok: true,
    });
    const missing = await new ProcessProvider({ requiredFiles: [path.join(dir, 'absent.mjs')] }).check();
    expect(missing.ok).toBe(false);
    expect(missing.detail).toContain('absent.mjs');
    expect(typeof (await new ProcessProvider().check()).ok).toBe('boolean');
  });
});
