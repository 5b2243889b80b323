import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedAgentSpec } from '@/server/core/pools/ports';
import { ProcessProvider } from './process-provider';

let dir: string;
const pids: number[] = [];

/** Stand-ins for the worker: one drains on SIGTERM and hands its work back on a second, one ignores SIGTERM. */
const SCRIPTS = {
  worker: `
    let signals = 0;
    process.on('SIGTERM', () => {
      signals++;
      if (signals === 1) console.log('draining');
      else { console.log('handing work back'); process.exit(0); }
    });
    console.log('ready');
    setInterval(() => {}, 1000);`,
  stubborn: `
    process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
    console.log('ready');
    setInterval(() => {}, 1000);`,
};

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fd-process-shutdown-'));
  for (const [name, body] of Object.entries(SCRIPTS)) writeFileSync(path.join(dir, `${name}.mjs`), body);
});

afterAll(() => {
  for (const pid of pids) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

const spec = (agentId: string, script: keyof typeof SCRIPTS): ManagedAgentSpec => ({
  poolName: 'local',
  agentId,
  agentName: script,
  agentToken: 'fd_agent_secret',
  serverUrl: 'http://127.0.0.1:3000',
  adapter: 'shell',
  capabilities: ['code'],
  concurrency: 1,
  settings: {},
});

function provider(): ProcessProvider {
  return new ProcessProvider({
    command: (s) => ({ cmd: process.execPath, args: [path.join(dir, `${s.agentName}.mjs`)] }),
  });
}

async function start(p: ProcessProvider, agentId: string, script: keyof typeof SCRIPTS): Promise<string> {
  const { ref } = await p.start(spec(agentId, script));
  pids.push(Number(ref));
  await expect.poll(() => p.logs(ref, 10), { timeout: 5_000 }).toContain('ready');
  return ref;
}

describe('ProcessProvider at server shutdown', () => {
  it('stopAll: drain, then a second SIGTERM to hand work back, then SIGKILL; no agent starts afterwards', async () => {
    const p = provider();
    const worker = await start(p, 'agt_w', 'worker');
    const stubborn = await start(p, 'agt_s', 'stubborn');

    await p.stopAll(2_400);

    expect(await p.isRunning(worker)).toBe(false);
    expect(await p.logs(worker, 10)).toMatch(/draining[\s\S]*handing work back[\s\S]*worker exited \(code 0\)/);
    expect(await p.isRunning(stubborn)).toBe(false);
    expect(await p.logs(stubborn, 1)).toBe('[flightdeck] worker exited (signal SIGKILL)');
    await expect(p.start(spec('agt_late', 'worker'))).rejects.toThrow(/shutting down/);
  });

  it('stopAll on hurry tells the worker to hand its work back without waiting for halfway', async () => {
    const p = provider();
    const worker = await start(p, 'agt_h', 'worker');
    const hurry = new AbortController();
    // Halfway through a long grace would be 30 s: only the hurry can end this in time.
    const stopped = p.stopAll(60_000, hurry.signal);
    hurry.abort();
    await stopped;
    expect(await p.logs(worker, 10)).toMatch(/draining[\s\S]*handing work back[\s\S]*worker exited \(code 0\)/);
  });

  it('killAll (a shutdown out of time) kills its own agents, not those another provider started', async () => {
    const p = provider();
    const stubborn = await start(p, 'agt_k', 'stubborn');
    const other = provider();
    const stranger = await start(other, 'agt_x', 'stubborn');
    p.killAll();
    await expect.poll(() => p.isRunning(stubborn)).toBe(false);
    expect(await other.isRunning(stranger)).toBe(true);
    other.killAll();
    await expect.poll(() => other.isRunning(stranger)).toBe(false);
  });
});
