import Docker from 'dockerode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManagedAgentSpec } from '@/server/core/pools/ports';
import { DockerProvider } from './docker-provider';
import { FakeDockerEngine } from './testing/fake-docker-engine';

let engine: FakeDockerEngine;

beforeEach(async () => {
  engine = await FakeDockerEngine.start({
    'flightdeck/agent:1': {
      output: [
        { stream: 'stdout', text: 'worker connected\npolling' },
        { stream: 'stderr', text: 'warn: no git' },
      ],
    },
    crashy: {
      exitsAfterMs: 0,
      exitCode: 3,
      output: [{ stream: 'stderr', text: 'error: cannot reach http://host.docker.internal:3000' }],
    },
    flaky: {
      exitsAfterMs: 30,
      exitCode: 1,
      output: [
        { stream: 'stdout', text: 'starting' },
        { stream: 'stderr', text: 'bad token' },
      ],
    },
    late: {
      exitsAfterMs: 300,
      exitCode: 3,
      output: [
        { stream: 'stdout', text: 'connected' },
        { stream: 'stderr', text: 'error: token revoked\nexiting' },
      ],
    },
  });
});

afterEach(() => engine.close());

function provider(): DockerProvider {
  return new DockerProvider({ endpoint: { socketPath: engine.socketPath }, readySettleMs: 100, readyTimeoutMs: 2_000 });
}

function spec(over: Partial<ManagedAgentSpec> = {}): ManagedAgentSpec {
  return {
    poolName: 'docker-pool',
    agentId: 'agt_7',
    agentName: 'docker pool/7',
    agentToken: 'fd_agent_secret',
    serverUrl: 'http://127.0.0.1:3000',
    adapter: 'shell',
    capabilities: ['code', 'test'],
    concurrency: 2,
    settings: { image: 'flightdeck/agent:1' },
    ...over,
  };
}

describe('DockerProvider against a Docker Engine API', () => {
  it('runs an agent container through its whole life', async () => {
    const docker = provider();
    const { ref } = await docker.start(
      spec({
        settings: {
          image: 'flightdeck/agent:1',
          command: 'make {{task}}',
          env: { EXTRA: '1' },
          network: 'agents',
          memoryMb: 512,
          cpus: 1.5,
        },
      }),
    );
    expect(ref).toMatch(/^[0-9a-f]{64}$/);
    expect(await docker.isRunning(ref)).toBe(true);

    const [create] = engine.callsTo('POST', /^\/containers\/create$/);
    expect(create!.query.name).toBe('flightdeck-docker-pool-7');
    const body = create!.body as Record<string, any>;
    expect(body.Image).toBe('flightdeck/agent:1');
    expect(body.Cmd).toEqual(['flightdeck', 'agent']);
    expect(body.Env).toEqual([
      'FLIGHTDECK_URL=http://host.docker.internal:3000',
      'FLIGHTDECK_TOKEN=fd_agent_secret',
      'FLIGHTDECK_ADAPTER=shell',
      'FLIGHTDECK_CAPABILITIES=code,test',
      'FLIGHTDECK_CONCURRENCY=2',
      'FLIGHTDECK_AGENT_NAME=docker pool/7',
      'FLIGHTDECK_SHELL_COMMAND=make {{task}}',
      'EXTRA=1',
    ]);
    expect(body.Labels).toEqual({
      'dev.flightdeck.managed': 'true',
      'dev.flightdeck.pool': 'docker-pool',
      'dev.flightdeck.agent': 'agt_7',
    });
    expect(body.HostConfig).toEqual({
      Memory: 512 * 1024 * 1024,
      NanoCpus: 1_500_000_000,
      NetworkMode: 'agents',
      ExtraHosts: ['host.docker.internal:host-gateway'],
      AutoRemove: false,
      RestartPolicy: { Name: 'no' },
    });

    expect(await docker.logs(ref, 10)).toBe('worker connected\npolling\nwarn: no git');
    expect(await docker.logs(ref, 1)).toBe('warn: no git');
    expect(engine.callsTo('GET', /\/logs$/).at(-1)!.query).toMatchObject({ stdout: 'true', stderr: 'true', tail: '1' });

    await docker.stop(ref, 2_500);
    expect(engine.callsTo('POST', /\/stop$/).at(-1)!.query.t).toBe('3');
    expect(await docker.isRunning(ref)).toBe(false);
    expect(engine.container(ref)!.status).toBe('exited');

    await docker.remove(ref);
    expect(engine.callsTo('DELETE', /^\/containers\//).at(-1)!.query).toMatchObject({ force: 'true' });
    expect(engine.container(ref)).toBeUndefined();
    expect(await docker.isRunning(ref)).toBe(false);
    expect(await docker.logs(ref, 10)).toBe('');
  });

  it('passes the stop grace through in whole seconds, rounding up', async () => {
    const docker = provider();
    const { ref } = await docker.start(spec());
    await docker.stop(ref, 0);
    await docker.stop(ref, 0); // already stopped: 304, fine
    const second = await docker.start(spec({ agentId: 'agt_8', agentName: 'b' }));
    await docker.stop(second.ref, 1_001);
    expect(engine.callsTo('POST', /\/stop$/).map((c) => c.query.t)).toEqual(['0', '0', '2']);
  });

  it('finds its containers by label, per pool, leaving others alone', async () => {
    const docker = provider();
    const a = await docker.start(spec({ poolName: 'alpha', agentId: 'agt_a', agentName: 'a' }));
    const b = await docker.start(spec({ poolName: 'beta', agentId: 'agt_b', agentName: 'b' }));
    await docker.stop(b.ref, 0);
    await new Docker({ socketPath: engine.socketPath }).createContainer({
      name: 'someone-else',
      Image: 'flightdeck/agent:1',
      Labels: { team: 'x' },
    });

    const all = await docker.listOwned();
    expect(all.map((c) => c.name).sort()).toEqual(['flightdeck-a', 'flightdeck-b']);
    const alpha = await docker.listOwned('alpha');
    expect(alpha).toEqual([
      {
        ref: a.ref,
        id: a.ref,
        name: 'flightdeck-a',
        poolName: 'alpha',
        agentId: 'agt_a',
        running: true,
        status: expect.stringMatching(/^Up/),
      },
    ]);
    const beta = await docker.listOwned('beta');
    expect(beta).toMatchObject([{ ref: b.ref, running: false, status: expect.stringMatching(/^Exited \(0\)/) }]);
    expect(JSON.parse(engine.callsTo('GET', /^\/containers\/json$/).at(-1)!.query.filters!)).toEqual({
      label: ['dev.flightdeck.managed=true', 'dev.flightdeck.pool=beta'],
    });
    expect(engine.callsTo('GET', /^\/containers\/json$/).at(-1)!.query.all).toBe('true');
  });

  it('rejects start with the output of a container that exits at once, and removes it', async () => {
    const docker = provider();
    const failure = docker.start(spec({ settings: { image: 'crashy' } }));
    await expect(failure).rejects.toThrow(/container flightdeck-docker-pool-7 exited with code 3 right after starting/);
    await expect(failure).rejects.toThrow(/error: cannot reach http:\/\/host.docker.internal:3000/);
    expect(engine.state.byId.size).toBe(0);
  });

  it('a container that dies while settling also fails start', async () => {
    const docker = provider();
    await expect(docker.start(spec({ settings: { image: 'flaky' } }))).rejects.toThrow(
      /exited with code 1 .*\n.*starting\nbad token/s,
    );
  });

  it('reports how a container that died later ended: exit code and the tail of its stderr only', async () => {
    const docker = provider();
    const { ref } = await docker.start(spec({ settings: { image: 'late' } }));
    expect(await docker.exitOf(ref)).toBeNull();
    await expect.poll(() => docker.isRunning(ref), { timeout: 3_000 }).toBe(false);
    expect(await docker.exitOf(ref)).toEqual({ code: 3, signal: null, stderr: ['error: token revoked', 'exiting'] });
    expect(engine.callsTo('GET', /\/logs$/).at(-1)!.query).toMatchObject({
      stdout: 'false',
      stderr: 'true',
      tail: '20',
    });
    await docker.remove(ref);
    expect(await docker.exitOf(ref)).toBeNull();
  });

  it('an unknown image is a clear error', async () => {
    await expect(provider().start(spec({ settings: { image: 'nope' } }))).rejects.toThrow(
      /image "nope" is not on the Docker host \(unix:\/\/.*docker\.sock\): pull or build it there first \(docker pull nope\)/,
    );
    expect(engine.state.byId.size).toBe(0);
  });

  it('stop, remove and isRunning of a container already gone are fine', async () => {
    const docker = provider();
    const { ref } = await docker.start(spec());
    await docker.remove(ref);
    await docker.remove(ref);
    await docker.stop(ref, 1_000);
    expect(await docker.isRunning(ref)).toBe(false);
    expect(await docker.isRunning('0123456789ab')).toBe(false);
  });

  it("replaces a leftover container of the same agent, but not a stranger's or another agent's", async () => {
    const docker = provider();
    const first = await docker.start(spec());
    const again = await docker.start(spec());
    expect(again.ref).not.toBe(first.ref);
    expect(engine.container(first.ref)).toBeUndefined();
    await docker.remove(again.ref);

    const stranger = await new Docker({ socketPath: engine.socketPath }).createContainer({
      name: 'flightdeck-docker-pool-7',
      Image: 'flightdeck/agent:1',
    });
    await expect(docker.start(spec())).rejects.toThrow(
      /"flightdeck-docker-pool-7" is taken by a container Flightdeck does not manage/,
    );
    await stranger.remove();
    await docker.start(spec({ agentId: 'agt_other', poolName: 'other' }));
    await expect(docker.start(spec())).rejects.toThrow(
      /is taken by Flightdeck agent agt_other of pool other: remove it or rename the agent/,
    );
  });

  it('reaches the engine a pool names, also from a new provider after a restart', async () => {
    const elsewhere = new DockerProvider({ endpoint: 'unix:///nonexistent/docker.sock', readySettleMs: 50 });
    const { ref } = await elsewhere.start(
      spec({ settings: { image: 'flightdeck/agent:1', socketPath: engine.socketPath } }),
    );
    expect(ref).toBe(`${engine.container('flightdeck-docker-pool-7')!.id}@unix://${engine.socketPath}`);
    const restarted = new DockerProvider({ endpoint: 'unix:///nonexistent/docker.sock' });
    expect(await restarted.isRunning(ref)).toBe(true);
    expect(await restarted.listOwned('docker-pool', { image: 'x', socketPath: engine.socketPath })).toMatchObject([
      { ref },
    ]);
    await restarted.remove(ref);
    expect(engine.state.byId.size).toBe(0);
  });

  it('check() pings the engine and reports its version, or why it cannot', async () => {
    expect(await provider().check()).toEqual({
      ok: true,
      detail: `Docker 27.0.0-fake (API 1.46) at unix://${engine.socketPath}`,
    });
    const down = await new DockerProvider({ endpoint: 'unix:///nonexistent/docker.sock' }).check();
    expect(down.ok).toBe(false);
    expect(down.detail).toMatch(/Docker is not reachable at unix:\/\/\/nonexistent\/docker\.sock: .*ENOENT/);
  });

  it('the fake engine takes a version prefix, as Docker does', async () => {
    const versioned = new Docker({ socketPath: engine.socketPath, version: 'v1.41' });
    expect(String(await versioned.ping())).toBe('OK');
    expect(await versioned.listContainers({ all: true })).toEqual([]);
  });

  it('validates settings with messages naming the field', () => {
    const docker = provider();
    expect(docker.validateSettings({ image: 'flightdeck/agent:1' })).toBeNull();
    expect(
      docker.validateSettings({
        image: 'i',
        cmd: ['sh'],
        command: 'x',
        env: { A: 'b' },
        network: 'n',
        memoryMb: 256,
        cpus: 0.5,
        host: 'docker',
        port: 2375,
      }),
    ).toBeNull();
    expect(docker.validateSettings({})).toMatch(/^image: is required/);
    expect(docker.validateSettings({ image: 'i', memoryMb: -1 })).toMatch(/^memoryMb: /);
    expect(docker.validateSettings({ image: 'i', cpus: 0 })).toMatch(/^cpus: /);
    expect(docker.validateSettings({ image: 'i', port: 2375 })).toBe('port: needs host as well');
    expect(docker.validateSettings({ image: 'i', socketPath: '/s', host: 'h' })).toBe(
      'host: give socketPath or host, not both',
    );
    expect(docker.validateSettings({ image: 'i', imgae: 'typo' })).toBe('unknown setting imgae');
    expect(docker.validateSettings({ image: 'i', cmd: 'flightdeck agent' })).toMatch(/^cmd: /);
  });
});
