import { outsideFence } from '@/db/fenced-pool';
import { retryOnConflict } from './conflict-retry';

/**
 * Group commit: calls that arrive while a batch is being written wait and go together in
 * the next one, and each batch first yields once to I/O so requests already received join it.
 * That yield matters on PGlite, whose statements run on this thread: without it no other
 * request is read while a write runs, and every batch would hold one call.
 */
export class Batcher<In, Out> {
  private queue: { item: In; resolve: (v: Out) => void; reject: (e: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly write: (items: In[]) => Promise<Out[]>,
    private readonly maxBatch = 200,
  ) {}

  run(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // A batch carries other callers' items: it must not inherit this caller's lease fence.
      if (!this.running) void outsideFence(() => this.drain());
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length) {
      await new Promise<void>((r) => setImmediate(r));
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const items = batch.map((b) => b.item);
        const out = await retryOnConflict(() => this.write(items));
        batch.forEach((b, i) => b.resolve(out[i]));
      } catch (e) {
        batch.forEach((b) => b.reject(e));
      }
    }
    this.running = false;
  }
}
