import { describe, expect, it } from 'vitest';
import { decodeRef, encodeRef, formatEndpoint, parseDockerHost } from './docker-connection';

describe('Docker connection', () => {
  it('parses DOCKER_HOST-style addresses', () => {
    expect(parseDockerHost('unix:///var/run/docker.sock')).toEqual({ socketPath: '/var/run/docker.sock' });
    expect(parseDockerHost('tcp://10.0.0.5:2375')).toEqual({ host: '10.0.0.5', port: 2375 });
    expect(parseDockerHost('http://docker:2376')).toEqual({ host: 'docker', port: 2376 });
    expect(parseDockerHost('docker.internal')).toEqual({ host: 'docker.internal', port: 2375 });
    expect(parseDockerHost('tcp://[::1]:2375')).toEqual({ host: '::1', port: 2375 });
    expect(() => parseDockerHost('unix://')).toThrow(/no socket path/);
    expect(() => parseDockerHost('ssh://me@box')).toThrow(/only unix:\/\/ and tcp:\/\//);
  });

  it('formats endpoints back, and round-trips them through refs', () => {
    for (const e of [{ socketPath: '/tmp/podman.sock' }, { host: 'docker', port: 2375 }, { host: '::1', port: 2375 }]) {
      expect(parseDockerHost(formatEndpoint(e))).toEqual(e);
      expect(decodeRef(encodeRef('abc123', e))).toEqual({ id: 'abc123', endpoint: e });
    }
    expect(encodeRef('abc123', null)).toBe('abc123');
    expect(decodeRef('abc123')).toEqual({ id: 'abc123', endpoint: null });
  });
});
