import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from './client';
import { ProgressReporter } from './progress-reporter';

function fakeClient(fail?: ApiError) {
  const calls: { at: number; body: any }[] = [];
  const client = {
    async mutate(_path: string, body: unknown) {
      calls.push({ at: Date.now(), body });
      if (fail) throw fail;
    },
  } as unknown as ApiClient;
  return { client, calls };
}

const lease = { taskId: 't1', leaseToken: 'l1' };
const opts = (onRefused = () => {}) => ({
  minIntervalMs: 250,
  logger: pino({ level: 'silent' }),
  signal: new AbortController().signal,
  onRefused,
});

describe('ProgressReporter', () => {
  it('joins lines and calls at most about four times a second', async () => {
    const { client, calls } = fakeClient();
    const reporter = new ProgressReporter(client, lease, opts());
    const started = Date.now();
    for (let i = 0; i < 100; i++) {
      reporter.line(`line ${i}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await reporter.close();
    const seconds = (Date.now() - started) / 1000;
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 1);
    expect(
      calls
        .map((c) => c.body.message)
        .join('\n')
        .split('\n'),
    ).toEqual(Array.from({ length: 100 }, (_, i) => `line ${i}`));
    // Spaced out, except the final flush when the task ends.
    for (let i = 1; i < calls.length - 1; i++) expect(calls[i].at - calls[i - 1].at).toBeGreaterThanOrEqual(240);
    expect(calls[0].body).toMatchObject(lease);
  });

  it('keeps the newest 10 000 characters and the latest percent', async () => {
    const { client, calls } = fakeClient();
    const reporter = new ProgressReporter(client, lease, opts());
    reporter.line('x'.repeat(9_000));
    reporter.line('y'.repeat(9_000));
    reporter.progress(70, 'seventy');
    await reporter.close();
    expect(calls).toHaveLength(1);
    expect(calls[0].body.message).toBe(`${'y'.repeat(9_000)}\nseventy`);
    expect(calls[0].body.percent).toBe(70);
  });

  it('tells the runner when the server refuses the lease', async () => {
    const { client } = fakeClient(new ApiError('work.progress', 409, 'CONFLICT', 'lease lost'));
    let refused: unknown;
    const reporter = new ProgressReporter(
      client,
      lease,
      opts((err?: unknown) => (refused = err)),
    );
    reporter.line('hello');
    await reporter.close();
    expect(refused).toMatchObject({ status: 409 });
  });
});
