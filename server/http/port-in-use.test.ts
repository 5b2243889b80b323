import { createServer, type Server } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startBuiltServer } from '@/server/testing/built-server';

// A port we hold ourselves, on every interface, as another server would.
let holder: Server;
let port: number;
beforeAll(async () => {
  await ensureBuilt();
  // Connections (the launcher's readiness probe) are dropped: nothing here answers them.
  holder = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => holder.listen(0, resolve));
  port = (holder.address() as { port: number }).port;
}, 600_000);
afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

describe('a port already in use', () => {
  it.each([
    ['server/http/serve.ts', false],
    ['flightdeck start', true],
  ])(
    '%s exits non-zero with a message naming the port',
    async (_how, launcher) => {
      const server = await startBuiltServer({ launcher, waitReady: false, env: { PORT: String(port) } });
      try {
        const result = await Promise.race([server.exited, sleep(30_000).then(() => 'still running after 30 s')]);
        expect(result, server.output()).toMatchObject({ code: 1 });
        expect(server.output()).toContain(`port ${port} is already in use`);
      } finally {
        await server.stop(2_000);
      }
    },
    60_000,
  );
});
