import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { summarise } from './stats';

export interface BaselineResult {
  requests: number;
  roundTripP50Ms: number;
  /** Client and server together (same process) per request. */
  cpuMsPerRequest: number;
}

/**
 * How fast this machine is right now: sequential fetches against a bare node:http server in
 * this process. Normally ~0.1 ms per request; several times that means the machine is busy
 * or slow, and every other figure in the report is inflated to match.
 */
export async function measureBaseline(requests = 1000): Promise<BaselineResult> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"result":{"data":{"ok":true}}}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const get = () => fetch(url, { headers: { 'accept-encoding': 'identity' } }).then((r) => r.text());
  for (let i = 0; i < 50; i++) await get();
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < requests; i++) {
    const t = performance.now();
    await get();
    samples.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  await new Promise<void>((r) => server.close(() => r()));
  return {
    requests,
    roundTripP50Ms: summarise(samples).p50,
    cpuMsPerRequest: Math.round(((used.user + used.system) / 1000 / requests) * 1000) / 1000,
  };
}
