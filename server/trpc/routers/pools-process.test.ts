import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProcessProvider } from '@/server/adapters/providers/process-provider';
import { adminPrincipal, callerAs, httpCall, ADMIN_TOKEN, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
let dir: string;
const SECRET = 'sk-test-7f3a9c0d1e2b4a68';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Stands in for the agent worker of a process pool: it needs an API key in its environment,
 * as the agent CLIs do, and says so on stderr before exiting with code 3 when it has none.
 */
const WORKER = `
  const key = process.env.AGENT_API_KEY;
  if (!key) {
    console.error('worker: AGENT_API_KEY is not set');
    console.error('worker: cannot reach the model without it');
    process.exit(3);
  }
  console.log('key sha256 ' + require('node:crypto').createHash('sha256').update(key).digest('hex'));
  process.on('SIGTERM', () => process.exit(0));
  setInterval(() => {}, 1000);`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fd-pools-process-'));
  writeFileSync(path.join(dir, 'worker.cjs'), WORKER);
  rt = await startTestRuntime({ LOG_LEVEL: 'error', FLIGHTDECK_AUTOSCALE_INTERVAL_MS: '600000' });
  // The real process provider, running the stand-in instead of `flightdeck agent`.
  rt.core.poolAgents.useProviders([
    new ProcessProvider({
      command: () => ({ cmd: process.execPath, args: [path.join(dir, 'worker.cjs')] }),
      removeGraceMs: 1_000,
    }),
  ]);
});
afterAll(async () => {
  for (const p of await admin().pools.list()) await admin().pools.remove({ id: p.id });
  await rt.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const admin = () => callerAs(rt, adminPrincipal);
const tick = () => rt.core.autoscaleNow();

describe('a process pool', () => {
  it('whose agent exits 3 shows the exit code and its stderr in the decisions, the members and the pending reason, then stops starting agents', async () => {
    const pool = await admin().pools.create({
      name: 'crashy',
      capabilities: ['crashy'],
      provider: 'process',
      providerSettings: { env: { OTHER: 'x' } },
      minSize: 1,
      maxSize: 1,
    });
    await tick();
    expect((await admin().pools.get({ id: pool.id })).pool.size).toBe(1);

    // Its worker exits at once: the next tick finds it dead, records why and restarts it.
    await expect
      .poll(
        async () => {
          await tick();
          return (await admin().pools.decisions({ id: pool.id, limit: 20 })).some((d) => d.action === 'restart');
        },
        { timeout: 15_000, interval: 200 },
      )
      .toBe(true);
    const restart = (await admin().pools.decisions({ id: pool.id, limit: 20 })).find((d) => d.action === 'restart')!;
    expect(restart.reason).toMatch(
      /^`crashy-1` exited with code 3; stderr: "worker: AGENT_API_KEY is not set" \| "worker: cannot reach the model without it" → restart \d of 3$/,
    );
    expect(restart.inputs).toMatchObject({
      exit: {
        code: 3,
        signal: null,
        stderr: ['worker: AGENT_API_KEY is not set', 'worker: cannot reach the model without it'],
      },
    });
    const [member] = (await admin().pools.get({ id: pool.id })).agents;
    expect(member.lastExit).toEqual({
      code: 3,
      signal: null,
      stderr: ['worker: AGENT_API_KEY is not set', 'worker: cannot reach the model without it'],
    });

    // After three restarts it is given up, and the pool holds back instead of starting the next one.
    await expect
      .poll(
        async () => {
          await tick();
          return (await admin().pools.get({ id: pool.id })).pool.hold?.kind;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe('crash-loop');
    const detail = await admin().pools.get({ id: pool.id });
    expect(detail.pool.size).toBe(0);
    expect(detail.pool.hold!.message).toMatch(
      /^starts no agents until .+ UTC or a settings change: `crashy-1` crashed 4 times \(exited with code 3; stderr: "worker: AGENT_API_KEY is not set"/,
    );
    const decisions = await admin().pools.decisions({ id: pool.id, limit: 20 });
    expect(decisions.filter((d) => d.action === 'restart')).toHaveLength(3);
    expect(decisions[0]).toMatchObject({
      action: 'hold',
      reason: expect.stringContaining('crashed 4 times (exited with code 3; stderr:'),
    });
    await tick();
    await tick();
    expect(await admin().pools.decisions({ id: pool.id, limit: 20 })).toHaveLength(decisions.length);
    expect((await admin().pools.get({ id: pool.id })).pool.size).toBe(0);

    const { ids } = await admin().tasks.submit({ title: 'needs a working pool', capabilities: ['crashy'] });
    const pending = await admin().tasks.whyPending({ id: ids[0] });
    expect(pending).toMatchObject({
      code: 'pool-held',
      message: expect.stringMatching(/^pool `crashy` starts no agents until .*exited with code 3/),
    });

    // Fixing the settings lifts the hold: the next agent starts and stays up.
    await admin().pools.update({ id: pool.id, providerSettings: { env: { AGENT_API_KEY: SECRET } } });
    await tick();
    const fixed = await admin().pools.get({ id: pool.id });
    expect(fixed.pool).toMatchObject({ hold: null, size: 1 });
    await admin().tasks.cancel({ id: ids[0] });
  });

  it('never answers its env values, keeps them through updates that do not send them, and the agent still gets them', async () => {
    const created = await admin().pools.create({
      name: 'keyed',
      capabilities: ['keyed'],
      provider: 'process',
      providerSettings: { env: { AGENT_API_KEY: SECRET, EMPTY: '' } },
      maxSize: 1,
    });
    expect(created.providerSettings).toEqual({ env: { AGENT_API_KEY: { set: true }, EMPTY: { set: false } } });

    // Unrelated changes, the settings without env, and env with the key marked unchanged: all keep the value.
    await admin().pools.update({ id: created.id, sleepWindows: [] });
    await admin().pools.update({ id: created.id, providerSettings: { args: ['--verbose'] } });
    const marked = await admin().pools.update({
      id: created.id,
      providerSettings: { args: ['--verbose'], env: { AGENT_API_KEY: { unchanged: true }, ADDED: 'new' } },
    });
    expect(marked.providerSettings).toEqual({
      args: ['--verbose'],
      env: { AGENT_API_KEY: { set: true }, ADDED: { set: true } },
    });
    await expect(
      admin().pools.update({ id: created.id, providerSettings: { env: { NEVER_SET: { unchanged: true } } } }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('providerSettings: env.NEVER_SET'),
    });

    const updated = await admin().pools.update({ id: created.id, minSize: 1 });
    await tick();
    const [agent] = (await admin().pools.get({ id: created.id })).agents;
    await expect
      .poll(async () => (await admin().agents.logs({ id: agent.id, tail: 20 })).logs, { timeout: 10_000 })
      .toContain(`key sha256 ${sha(SECRET)}`);
    expect((await admin().pools.get({ id: created.id })).agents[0]).toMatchObject({ running: true, lastExit: null });

    const answers = [
      created,
      marked,
      updated,
      await admin().pools.list(),
      await admin().pools.get({ id: created.id }),
      await admin().pools.decisions({ id: created.id, limit: 50 }),
      (await httpCall(rt, 'pools.list', { token: ADMIN_TOKEN, query: true })).data,
      (await httpCall(rt, 'pools.update', { token: ADMIN_TOKEN, input: { id: created.id, enabled: true } })).data,
    ];
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(SECRET);

    // Removing a value: send env without it.
    const removed = await admin().pools.update({
      id: created.id,
      providerSettings: { env: { AGENT_API_KEY: { unchanged: true } } },
    });
    expect(removed.providerSettings).toEqual({ env: { AGENT_API_KEY: { set: true } } });
  });
});
