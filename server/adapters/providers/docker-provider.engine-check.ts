import { afterAll, describe, expect, it } from 'vitest';
import type { ManagedAgentSpec } from '@/server/core/pools/ports';
import { DockerProvider } from './docker-provider';

/**
 * The same provider against a real Docker-compatible engine (`npm run test:docker`; not part of
 * `npm test`, since our machines have no Docker engine; scripts/podman-engine.sh sets podman up):
 *   FLIGHTDECK_TEST_DOCKER_HOST=unix:///tmp/flightdeck-podman/podman.sock
 *   FLIGHTDECK_TEST_DOCKER_IMAGE=localhost/flightdeck-test-busybox:latest (any image with /bin/sh)
 */
const host = process.env.FLIGHTDECK_TEST_DOCKER_HOST;
const image = process.env.FLIGHTDECK_TEST_DOCKER_IMAGE ?? 'localhost/flightdeck-test-busybox:latest';

// A stand-in worker: prints, then drains on SIGTERM (`wait` keeps the trap responsive).
const WORKER =
  'echo "worker up url=$FLIGHTDECK_URL name=$FLIGHTDECK_AGENT_NAME"; echo to-stderr >&2; ' +
  'trap "echo draining; exit 0" TERM; while true; do sleep 1 & wait $!; done';

if (!host)
  throw new Error(
    'npm run test:docker needs FLIGHTDECK_TEST_DOCKER_HOST (e.g. unix:///var/run/docker.sock or a podman socket)',
  );

describe('DockerProvider against a real engine (FLIGHTDECK_TEST_DOCKER_HOST)', () => {
  const docker = new DockerProvider({ endpoint: host!, readySettleMs: 500, readyTimeoutMs: 20_000 });
  const pool = `engine-test-${process.pid}`;
  const spec = (over: Partial<ManagedAgentSpec> = {}): ManagedAgentSpec => ({
    poolName: pool,
    agentId: 'agt_e1',
    agentName: `${pool}-1`,
    agentToken: 'fd_agent_secret',
    serverUrl: 'http://127.0.0.1:3000',
    adapter: 'shell',
    capabilities: ['code'],
    concurrency: 1,
    settings: { image, cmd: ['/bin/sh', '-c', WORKER] },
    ...over,
  });

  afterAll(async () => {
    for (const c of await docker.listOwned(pool)) await docker.remove(c.ref);
  });

  it('check() answers', async () => {
    const check = await docker.check();
    expect(check.ok, check.detail).toBe(true);
  });

  it('starts, labels, logs, stops with grace and removes a container', async () => {
    const { ref } = await docker.start(spec());
    expect(await docker.isRunning(ref)).toBe(true);
    await expect.poll(() => docker.logs(ref, 10), { timeout: 10_000 }).toContain('to-stderr');
    expect(await docker.logs(ref, 10)).toContain(`worker up url=http://host.docker.internal:3000 name=${pool}-1`);
    expect(await docker.listOwned(pool)).toMatchObject([{ ref, agentId: 'agt_e1', poolName: pool, running: true }]);

    await docker.stop(ref, 5_000);
    expect(await docker.isRunning(ref)).toBe(false);
    expect(await docker.logs(ref, 5)).toContain('draining');
    await docker.remove(ref);
    await docker.remove(ref);
    expect(await docker.listOwned(pool)).toEqual([]);
  }, 60_000);

  it('replaces a leftover container of its own with the same name', async () => {
    const first = await docker.start(spec({ agentId: 'agt_e3', agentName: `${pool}-3` }));
    const again = await docker.start(spec({ agentId: 'agt_e3', agentName: `${pool}-3` }));
    expect(again.ref).not.toBe(first.ref);
    expect(await docker.listOwned(pool)).toMatchObject([{ ref: again.ref }]);
    await docker.remove(again.ref);
  }, 60_000);

  it('a container that exits at once fails start with its output', async () => {
    const failing = docker.start(
      spec({
        agentId: 'agt_e2',
        agentName: `${pool}-2`,
        settings: { image, cmd: ['/bin/sh', '-c', 'echo boom >&2; exit 3'] },
      }),
    );
    await expect(failing).rejects.toThrow(/exited with code 3 right after starting; its last output:\nboom/);
    expect(await docker.listOwned(pool)).toEqual([]);
  }, 60_000);

  it('an unknown image is a clear error', async () => {
    await expect(docker.start(spec({ settings: { image: 'localhost/flightdeck-no-such-image:1' } }))).rejects.toThrow(
      /is not on the Docker host/,
    );
  }, 60_000);
});
