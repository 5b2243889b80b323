import type http from 'node:http';
import { createServer } from 'node:net';

/** Listens, or fails with a message naming the port (not an uncaught exception in a server that serves nothing). */
export function listen(server: http.Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) => {
      const where = `port ${port}${host ? ` on ${host}` : ''}`;
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `${where} is already in use: stop the other server or choose another port (PORT=…, or --port)`
            : err.code === 'EACCES'
              ? `no permission to listen on ${where}`
              : `cannot listen on ${where}: ${err.message}`,
        ),
      );
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

/** A free local TCP port, found by letting the kernel pick one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
