import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '@/server/testing/test-runtime';
import { signIn, startEntryPoints, type EntryPoint } from './testing/entry-points';

let edge: Awaited<ReturnType<typeof startEntryPoints>>;
beforeAll(async () => {
  edge = await startEntryPoints({ FLIGHTDECK_MAX_STREAMS_PER_SESSION: '2' });
});
afterAll(async () => {
  await edge.close();
});

/** Opens `events.live` and returns as soon as the answer's head arrives (the stream stays open until closed). */
async function openStream(entry: EntryPoint, headers: Record<string, string>) {
  const ac = new AbortController();
  const res = await fetch(`${entry.origin}/api/trpc/events.live`, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: ac.signal,
  });
  const close = () => ac.abort();
  if (res.status !== 200) {
    const body = await res.json();
    close();
    return { status: res.status, body, contentType: res.headers.get('content-type'), close };
  }
  return { status: res.status, body: null, contentType: res.headers.get('content-type'), close };
}

describe.each([0, 1])('live event streams (entry point %i)', (i) => {
  let entry: EntryPoint;
  beforeAll(() => {
    entry = edge.entries[i];
  });

  it.each([
    ['no credentials', {}],
    ['an unknown session cookie', { cookie: 'fd_session=not-a-session' }],
    ['an unknown Bearer token', { authorization: 'Bearer fd_nope' }],
  ])('answers an anonymous stream with HTTP 401 (%s), not 200 and an error event', async (_, headers) => {
    const s = await openStream(entry, headers);
    expect(s.status).toBe(401);
    expect(s.contentType).toMatch(/application\/json/);
    expect(s.body.error.data.code).toBe('UNAUTHORIZED');
  });

  it('streams for a signed-in session, and refuses one past FLIGHTDECK_MAX_STREAMS_PER_SESSION with 429', async () => {
    const cookie = await signIn(entry);
    const a = await openStream(entry, { cookie });
    const b = await openStream(entry, { cookie });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.contentType).toMatch(/text\/event-stream/);
    const c = await openStream(entry, { cookie });
    expect(c.status).toBe(429);
    expect(c.body.error.message).toMatch(/already has 2 live streams open \(FLIGHTDECK_MAX_STREAMS_PER_SESSION\)/);
    // Another session is counted on its own.
    const other = await openStream(entry, { cookie: await signIn(entry) });
    expect(other.status).toBe(200);
    other.close();
    // Closing a stream frees its slot.
    a.close();
    let again = await openStream(entry, { cookie });
    for (let tries = 0; again.status !== 200 && tries < 50; tries++) {
      await sleep(100);
      again = await openStream(entry, { cookie });
    }
    expect(again.status).toBe(200);
    again.close();
    b.close();
  });

  it('caps a Bearer token the same way', async () => {
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const open = [await openStream(entry, auth), await openStream(entry, auth)];
    expect(open.map((s) => s.status)).toEqual([200, 200]);
    expect((await openStream(entry, auth)).status).toBe(429);
    for (const s of open) s.close();
  });
});
