import type Docker from 'dockerode';
import { z } from 'zod';
import type { ManagedAgentSpec } from '@/server/core/pools/ports';

/** A Docker pool's settings: the image its agents run and how the container is shaped. */
export const DockerSettingsInput = z
  .strictObject({
    image: z.string({ error: 'is required: the image the agents run (it must already be on the Docker host)' }).min(1),
    /** The container's command; the image's `flightdeck agent` unless given. */
    cmd: z.array(z.string()).min(1).optional(),
    /** Shell command template for the `shell` adapter (FLIGHTDECK_SHELL_COMMAND). */
    command: z.string().min(1).optional(),
    /** Extra environment; it may override the FLIGHTDECK_* variables (a server URL on a custom network). */
    env: z.record(z.string(), z.string()).optional(),
    network: z.string().min(1).optional(),
    memoryMb: z.number().int().min(6, 'must be at least 6 (Docker refuses less than 6 MB)').optional(),
    cpus: z.number().positive().max(1024).optional(),
    socketPath: z.string().min(1).optional(),
    host: z.string().min(1).optional(),
    port: z.number().int().min(1).max(65535).optional(),
  })
  .refine((s) => !(s.socketPath && s.host), { message: 'give socketPath or host, not both', path: ['host'] })
  .refine((s) => s.port === undefined || s.host !== undefined, { message: 'needs host as well', path: ['port'] });
export type DockerSettings = z.output<typeof DockerSettingsInput>;

/** Labels that mark a container as ours, so it can be adopted or cleaned up after a restart. */
export const LABEL_MANAGED = 'dev.flightdeck.managed';
export const LABEL_POOL = 'dev.flightdeck.pool';
export const LABEL_AGENT = 'dev.flightdeck.agent';

/** Lets a container reach a server on the Docker host (Linux needs it spelled out). */
const HOST_GATEWAY = 'host.docker.internal:host-gateway';

/** The Engine API create body for one agent's container. */
export function containerCreateOptions(
  spec: ManagedAgentSpec,
  settings: DockerSettings,
): Docker.ContainerCreateOptions {
  const env: Record<string, string> = {
    FLIGHTDECK_URL: containerServerUrl(spec.serverUrl, settings.network),
    FLIGHTDECK_TOKEN: spec.agentToken,
    FLIGHTDECK_ADAPTER: spec.adapter,
    FLIGHTDECK_CAPABILITIES: spec.capabilities.join(','),
    FLIGHTDECK_CONCURRENCY: String(spec.concurrency),
    FLIGHTDECK_AGENT_NAME: spec.agentName,
    ...(settings.command ? { FLIGHTDECK_SHELL_COMMAND: settings.command } : {}),
    ...settings.env,
  };
  const isolated = settings.network === 'host' || settings.network === 'none';
  return {
    name: containerName(spec.agentName),
    Image: settings.image,
    Cmd: settings.cmd ?? ['flightdeck', 'agent'],
    Env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
    Labels: { [LABEL_MANAGED]: 'true', [LABEL_POOL]: spec.poolName, [LABEL_AGENT]: spec.agentId },
    // No TTY: the log stream stays multiplexed, so stdout and stderr can be told apart.
    Tty: false,
    HostConfig: {
      ...(settings.memoryMb ? { Memory: settings.memoryMb * 1024 * 1024 } : {}),
      ...(settings.cpus ? { NanoCpus: Math.round(settings.cpus * 1e9) } : {}),
      ...(settings.network ? { NetworkMode: settings.network } : {}),
      ...(isolated ? {} : { ExtraHosts: [HOST_GATEWAY] }),
      // A crashed agent's container stays for its logs; the server restarts agents itself.
      AutoRemove: false,
      RestartPolicy: { Name: 'no' },
    },
  };
}

/** `flightdeck-<agent name>` within Docker's name alphabet `[a-zA-Z0-9][a-zA-Z0-9_.-]*`. */
export function containerName(agentName: string): string {
  return `flightdeck-${agentName}`.replace(/[^a-zA-Z0-9_.-]+/g, '-').slice(0, 128);
}

/**
 * Inside a container, 127.0.0.1 is the container itself: a loopback server URL is pointed at
 * the Docker host instead (the server must then listen beyond loopback, HOSTNAME=0.0.0.0).
 */
export function containerServerUrl(serverUrl: string, network?: string): string {
  if (network === 'host') return serverUrl;
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return serverUrl;
  }
  if (!['localhost', '127.0.0.1', '0.0.0.0', '[::1]'].includes(url.hostname)) return serverUrl;
  url.hostname = 'host.docker.internal';
  const out = url.toString();
  return serverUrl.endsWith('/') || !out.endsWith('/') ? out : out.slice(0, -1);
}
