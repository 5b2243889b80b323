import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from './client';
import { Heartbeat } from './heartbeat';

describe('Heartbeat', () => {
  it('never overlaps beats, and sends one more with the latest state when asked during one', async () => {
    const sent: unknown[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const client = {
      async mutate(_path: string, body: unknown) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        sent.push(body);
        await new Promise((r) => setTimeout(r, 50));
        inFlight--;
        return { status: 'idle', heartbeatIntervalMs: 60_000 };
      },
    } as unknown as ApiClient;
    let state = 'idle';
    const replies: unknown[] = [];
    const hb = new Heartbeat(
      client,
      () => ({ activity: { state } }),
      (r) => replies.push(r),
      () => {},
      pino({ level: 'silent' }),
    );
    hb.start();
    state = 'working';
    const a = hb.beatNow();
    state = 'rate-limited';
    const b = hb.beatNow();
    await Promise.all([a, b]);
    // The first beat was under way: both asks are served by one more beat, with the latest state.
    expect(sent).toEqual([{ activity: { state: 'idle' } }, { activity: { state: 'rate-limited' } }]);
    expect(maxInFlight).toBe(1);
    expect(replies).toHaveLength(2);
    await hb.stop();
    await hb.beatNow();
    expect(sent).toHaveLength(2);
  });
});
