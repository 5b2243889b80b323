export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Reads until `ok` holds (every 100 ms); the last value read, or null past the deadline. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) return null;
    await sleep(100);
  }
}
