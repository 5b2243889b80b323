import { describe, expect, it } from 'vitest';
import { containerName, containerServerUrl } from './docker-container-spec';

describe('container shape', () => {
  it("names containers within Docker's alphabet", () => {
    expect(containerName('agent 1/é')).toBe('flightdeck-agent-1-');
    expect(containerName('x'.repeat(300))).toHaveLength(128);
  });

  it('points a loopback server URL at the Docker host, unless the container shares the host network', () => {
    expect(containerServerUrl('http://127.0.0.1:3000')).toBe('http://host.docker.internal:3000');
    expect(containerServerUrl('http://localhost:3000/')).toBe('http://host.docker.internal:3000/');
    expect(containerServerUrl('http://[::1]:3000/base')).toBe('http://host.docker.internal:3000/base');
    expect(containerServerUrl('http://127.0.0.1:3000', 'host')).toBe('http://127.0.0.1:3000');
    expect(containerServerUrl('https://flightdeck.example.com')).toBe('https://flightdeck.example.com');
  });
});
