import type Docker from 'dockerode';
import type { Logger } from '@/server/core/ports';
import type { AgentProvider, ManagedAgentSpec, ManagedExit } from '@/server/core/pools/ports';
import {
  decodeRef,
  dockerClient,
  encodeRef,
  formatEndpoint,
  parseDockerHost,
  type DockerEndpoint,
} from './docker-connection';
import {
  containerCreateOptions,
  DockerSettingsInput,
  LABEL_AGENT,
  LABEL_MANAGED,
  LABEL_POOL,
  type DockerSettings,
} from './docker-container-spec';
import { allowStatus, engineMessage, statusOf } from './docker-api-errors';
import { demuxDockerLogs, lastLines } from './docker-log-stream';
import { describeSettingsProblems, parseSettings } from './settings-check';

export { DockerSettingsInput };

export interface DockerProviderOptions {
  /** The engine pools use unless their settings name one; dockerode's default (DOCKER_HOST, else the local socket) when absent. */
  endpoint?: DockerEndpoint | string;
  /** How long a started container may take to be running. */
  readyTimeoutMs?: number;
  /** How long it must then stay running: a worker that dies at once (bad token, bad URL) fails `start`. */
  readySettleMs?: number;
  /** Lines of a failed container's output quoted in the error. */
  failureLogLines?: number;
  log?: Logger;
}

/** Lines of a crashed container's stderr kept in its exit report. */
const EXIT_STDERR_LINES = 20;

/** A container carrying our labels, found by `listOwned`. */
export interface OwnedContainer {
  ref: string;
  id: string;
  name: string;
  poolName: string;
  agentId: string;
  running: boolean;
  /** Docker's words: `Up 3 minutes`, `Exited (1) 2 seconds ago`. */
  status: string;
}

/** Runs each managed agent as a Docker container through the Engine API. */
export class DockerProvider implements AgentProvider {
  readonly kind = 'docker';
  private readonly defaultEndpoint: DockerEndpoint | null;
  private readonly clients = new Map<string, Docker>();

  constructor(private readonly options: DockerProviderOptions = {}) {
    const e = options.endpoint;
    this.defaultEndpoint = typeof e === 'string' ? parseDockerHost(e) : (e ?? null);
  }

  validateSettings(settings: Record<string, unknown>): string | null {
    return describeSettingsProblems(DockerSettingsInput, settings);
  }

  async start(spec: ManagedAgentSpec): Promise<{ ref: string }> {
    const settings = parseSettings(DockerSettingsInput, spec.settings, 'docker');
    const endpoint = endpointOf(settings);
    const docker = this.client(endpoint);
    const create = containerCreateOptions(spec, settings);
    const container = await this.create(docker, create, spec.agentId, endpoint);
    try {
      await container
        .start()
        .catch(allowStatus(304))
        .catch((e: unknown) => {
          throw new Error(`could not start container ${create.name}: ${engineMessage(e)}`, { cause: e });
        });
      await this.waitUntilRunning(container, create.name!);
    } catch (e) {
      // No ref reaches the caller, so nothing else would ever remove it.
      await container.remove({ force: true }).catch(allowStatus(404, 409));
      throw e;
    }
    this.options.log?.info(
      { agentId: spec.agentId, container: create.name, id: container.id },
      'agent container started',
    );
    return { ref: encodeRef(container.id, endpoint) };
  }

  async stop(ref: string, graceMs: number): Promise<void> {
    // Docker's grace is in whole seconds; rounding up never cuts a drain short.
    await this.container(ref)
      .stop({ t: Math.max(0, Math.ceil(graceMs / 1000)) })
      .catch(allowStatus(304, 404));
  }

  async remove(ref: string): Promise<void> {
    // 409: a removal is already under way.
    await this.container(ref).remove({ force: true, v: true }).catch(allowStatus(404, 409));
  }

  async isRunning(ref: string): Promise<boolean> {
    const info = await this.container(ref).inspect().catch(allowStatus(404));
    return info?.State?.Running === true;
  }

  async exitOf(ref: string): Promise<ManagedExit | null> {
    const container = this.container(ref);
    const state = (await container.inspect().catch(allowStatus(404)))?.State;
    if (!state || state.Running || !['exited', 'dead'].includes(state.Status)) return null;
    const stderr = await this.tail(container, EXIT_STDERR_LINES, { stdout: false });
    return {
      code: state.ExitCode ?? null,
      signal: state.OOMKilled ? 'the kernel (out of memory)' : null,
      stderr: stderr ? stderr.split('\n') : [],
    };
  }

  async logs(ref: string, tailLines: number): Promise<string> {
    if (tailLines <= 0) return '';
    return this.tail(this.container(ref), tailLines);
  }

  async check(): Promise<{ ok: boolean; detail: string }> {
    const where = this.where(null);
    const docker = this.client(null);
    try {
      const version = await withTimeout(
        docker.ping().then(() => docker.version()),
        5_000,
      );
      return { ok: true, detail: `Docker ${version.Version} (API ${version.ApiVersion}) at ${where}` };
    } catch (e) {
      return { ok: false, detail: `Docker is not reachable at ${where}: ${(e as Error).message}` };
    }
  }

  /** Containers carrying our labels (of one pool when named), running or not, on the pool's engine. */
  async listOwned(poolName?: string, settings?: Record<string, unknown>): Promise<OwnedContainer[]> {
    const endpoint = settings ? endpointOf(parseSettings(DockerSettingsInput, settings, 'docker')) : null;
    const label = [`${LABEL_MANAGED}=true`, ...(poolName !== undefined ? [`${LABEL_POOL}=${poolName}`] : [])];
    const found = await this.client(endpoint).listContainers({ all: true, filters: { label } });
    return found.map((c) => ({
      ref: encodeRef(c.Id, endpoint),
      id: c.Id,
      name: (c.Names?.[0] ?? c.Id).replace(/^\//, ''),
      poolName: c.Labels?.[LABEL_POOL] ?? '',
      agentId: c.Labels?.[LABEL_AGENT] ?? '',
      running: c.State === 'running',
      status: c.Status ?? c.State ?? '',
    }));
  }

  /**
   * Creates the container. A leftover of the same agent under its name (the server died before
   * removing it) is replaced; adopt running ones through `listOwned` before starting anew.
   */
  private async create(
    docker: Docker,
    create: Docker.ContainerCreateOptions,
    agentId: string,
    endpoint: DockerEndpoint | null,
  ): Promise<Docker.Container> {
    try {
      return await docker.createContainer(create);
    } catch (e) {
      const message = engineMessage(e);
      if (statusOf(e) === 404 && /no such image|image not known/i.test(message)) {
        throw new Error(
          `image "${create.Image}" is not on the Docker host (${this.where(endpoint)}): pull or build it there first (docker pull ${create.Image})`,
          { cause: e },
        );
      }
      // Podman 4 reports a name conflict as a 500.
      const conflict = statusOf(e) === 409 || /name .* is already in use/.test(message);
      if (!conflict) throw new Error(`could not create container ${create.name}: ${message}`, { cause: e });
    }
    const existing = docker.getContainer(create.name!);
    const labels = (await existing.inspect().catch(allowStatus(404)))?.Config?.Labels;
    if (labels && (labels[LABEL_MANAGED] !== 'true' || labels[LABEL_AGENT] !== agentId)) {
      const owner =
        labels[LABEL_MANAGED] === 'true'
          ? `Flightdeck agent ${labels[LABEL_AGENT]} of pool ${labels[LABEL_POOL]}`
          : 'a container Flightdeck does not manage';
      throw new Error(`container name "${create.name}" is taken by ${owner}: remove it or rename the agent`);
    }
    await existing.remove({ force: true }).catch(allowStatus(404, 409));
    return docker.createContainer(create);
  }

  private async waitUntilRunning(container: Docker.Container, name: string): Promise<void> {
    const timeoutMs = this.options.readyTimeoutMs ?? 15_000;
    const settleMs = this.options.readySettleMs ?? 1_000;
    const started = Date.now();
    let runningSince: number | null = null;
    for (;;) {
      const state = (await container.inspect()).State;
      if (state.Running) {
        runningSince ??= Date.now();
        if (Date.now() - runningSince >= settleMs) return;
      } else if (state.Status === 'exited' || state.Status === 'dead') {
        throw new Error(
          `container ${name} exited with code ${state.ExitCode} right after starting${await this.lastOutput(container)}`,
        );
      }
      if (Date.now() - started >= timeoutMs) {
        throw new Error(
          `container ${name} was not running within ${timeoutMs} ms (state: ${state.Status})${await this.lastOutput(container)}`,
        );
      }
      await new Promise((r) => setTimeout(r, Math.min(100, settleMs || 100)));
    }
  }

  private async lastOutput(container: Docker.Container): Promise<string> {
    const text = await this.tail(container, this.options.failureLogLines ?? 20).catch(() => '');
    return text ? `; its last output:\n${text}` : ' (no output)';
  }

  private async tail(container: Docker.Container, n: number, streams = { stdout: true }): Promise<string> {
    const raw: unknown = await container
      .logs({ stdout: streams.stdout, stderr: true, tail: n, follow: false })
      .catch(allowStatus(404));
    if (raw === undefined) return '';
    // dockerode hands back a Buffer, or the parsed value when the whole output happens to be JSON.
    const data = Buffer.isBuffer(raw) ? raw : Buffer.from(typeof raw === 'string' ? raw : JSON.stringify(raw));
    return lastLines(demuxDockerLogs(data), n);
  }

  private where(endpoint: DockerEndpoint | null): string {
    const target = endpoint ?? this.defaultEndpoint;
    return target ? formatEndpoint(target) : 'the default Docker host (DOCKER_HOST, else the local socket)';
  }

  private container(ref: string): Docker.Container {
    const { id, endpoint } = decodeRef(ref);
    return this.client(endpoint).getContainer(id);
  }

  private client(endpoint: DockerEndpoint | null): Docker {
    const target = endpoint ?? this.defaultEndpoint;
    const key = target ? formatEndpoint(target) : 'default';
    let docker = this.clients.get(key);
    if (!docker) this.clients.set(key, (docker = dockerClient(target)));
    return docker;
  }
}

/** The engine a pool's settings name, or null for the provider's default. */
function endpointOf(settings: DockerSettings): DockerEndpoint | null {
  if (settings.socketPath) return { socketPath: settings.socketPath };
  if (settings.host) return { host: settings.host, port: settings.port ?? 2375 };
  return null;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
