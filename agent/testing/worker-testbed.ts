import { afterAll, beforeAll } from 'vitest';
import { runWorker, type WorkerExit } from '../worker';
import { FakeCliDir } from './fake-clis';
import { quietLogger, startTestServer, type TestServer, testWorkerOptions } from './test-server';

export interface WorkerTestbed {
  readonly server: TestServer;
  readonly fakes: FakeCliDir;
  /** Runs a worker in this process; `stop()` drains it and returns its exit. */
  startWorker(overrides: Parameters<typeof testWorkerOptions>[1]): {
    done: Promise<WorkerExit>;
    stop(): Promise<WorkerExit>;
  };
}

/**
 * A real server over HTTP and a directory of fake CLIs for one test file, started before its
 * tests and removed after. `fakesOnPath` puts the fake CLIs first on PATH (as installed CLIs).
 */
export function useWorkerTestbed(options: { fakesOnPath?: boolean } = {}): WorkerTestbed {
  let server: TestServer | undefined;
  let fakes: FakeCliDir | undefined;
  let restorePath: (() => void) | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    fakes = await FakeCliDir.create();
    if (options.fakesOnPath) restorePath = fakes.onPath();
  });
  afterAll(async () => {
    restorePath?.();
    await server?.close();
    await fakes?.remove();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the worker testbed is used before its beforeAll ran');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get fakes() {
      return started(fakes);
    },
    startWorker(overrides) {
      const stop = new AbortController();
      const done = runWorker(testWorkerOptions(started(server).url, overrides), stop.signal, {
        logger: quietLogger,
        progressIntervalMs: 50,
      });
      return { done, stop: () => (stop.abort(), done) };
    },
  };
}
