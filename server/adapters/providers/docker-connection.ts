import Docker from 'dockerode';

/** Where a Docker Engine API listens: a unix socket, or a plain-HTTP TCP address. */
export type DockerEndpoint = { socketPath: string } | { host: string; port: number };

/**
 * A `DOCKER_HOST`-style address: `unix:///var/run/docker.sock`, `tcp://host:2375` (or
 * `http://`, or a bare `host:port`). TLS and ssh are left to dockerode's own environment defaults.
 */
export function parseDockerHost(value: string): DockerEndpoint {
  if (value.startsWith('unix://')) {
    const socketPath = value.slice('unix://'.length);
    if (!socketPath) throw new Error(`Docker host "${value}" names no socket path`);
    return { socketPath };
  }
  const withScheme = value.includes('://') ? value : `tcp://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`Docker host "${value}" is not unix:///path or tcp://host:port`);
  }
  if (url.protocol !== 'tcp:' && url.protocol !== 'http:') {
    throw new Error(`Docker host "${value}": only unix:// and tcp:// (plain HTTP) are supported here`);
  }
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 2375 };
}

/** The endpoint as a `DOCKER_HOST` string, the form kept in refs and shown to operators. */
export function formatEndpoint(endpoint: DockerEndpoint): string {
  if ('socketPath' in endpoint) return `unix://${endpoint.socketPath}`;
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  return `tcp://${host}:${endpoint.port}`;
}

/**
 * A client for the endpoint, or for dockerode's default (`DOCKER_HOST`, else the local socket).
 * dockerode merges `DOCKER_HOST` under whatever it is given, so every connection field is set.
 */
export function dockerClient(endpoint: DockerEndpoint | null): Docker {
  if (!endpoint) return new Docker();
  if ('socketPath' in endpoint)
    return new Docker({ socketPath: endpoint.socketPath, host: undefined, port: undefined, protocol: 'http' });
  return new Docker({ host: endpoint.host, port: endpoint.port, protocol: 'http', socketPath: undefined });
}

/**
 * A container ref: the container id alone on the provider's default engine, else
 * `id@endpoint`, so stop/remove after a server restart still reach the pool's own engine.
 */
export function encodeRef(id: string, endpoint: DockerEndpoint | null): string {
  return endpoint ? `${id}@${formatEndpoint(endpoint)}` : id;
}

export function decodeRef(ref: string): { id: string; endpoint: DockerEndpoint | null } {
  const at = ref.indexOf('@');
  if (at < 0) return { id: ref, endpoint: null };
  return { id: ref.slice(0, at), endpoint: parseDockerHost(ref.slice(at + 1)) };
}
