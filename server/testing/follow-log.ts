import type { EventLogStore } from '@/server/core/log/ports';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Follows the log as a replica's reader does (`position > last`, in order), as fast as it can,
 * and records every position it is handed, so a test can tell whether any was skipped or repeated.
 */
export function followLog(events: EventLogStore, from: number) {
  const seen: number[] = [];
  let last = from;
  let running = true;
  const loop = (async () => {
    while (running) {
      const batch = await events.after(last, 100);
      for (const e of batch) seen.push((last = Number(e.id)));
      if (batch.length < 100) await sleep(batch.length ? 0 : 2);
    }
  })();
  return {
    /** Stops once the reader has reached `head` (or after 5 s); answers what it saw up to there. */
    async stopAt(head: number): Promise<number[]> {
      const deadline = Date.now() + 5_000;
      while (last < head && Date.now() < deadline) await sleep(5);
      running = false;
      await loop;
      return seen.filter((p) => p <= head);
    },
  };
}
