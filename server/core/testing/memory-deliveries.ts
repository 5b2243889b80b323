import { randomUUID } from 'node:crypto';
import type { Delivery, DeliveryStore, NewDelivery } from '../deliveries/ports';

/**
 * The delivery queue in memory, with the store's rules: idempotent per (kind, target, dedupe
 * key), and `due` gives only the oldest pending delivery of each (target, subject).
 */
export class MemoryDeliveries implements DeliveryStore {
  readonly rows: Delivery[] = [];
  private seq = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async enqueue(rows: NewDelivery[]): Promise<string[]> {
    const ids: string[] = [];
    for (const r of rows) {
      const taken = this.rows.some(
        (d) => d.targetKind === r.targetKind && d.targetId === r.targetId && d.dedupeKey === r.dedupeKey,
      );
      if (taken) continue;
      const id = `dlv_${(++this.seq).toString().padStart(6, '0')}_${randomUUID().slice(0, 8)}`;
      this.rows.push({
        ...r,
        replayOf: r.replayOf ?? null,
        id,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: this.now(),
        lastAttemptAt: null,
        responseStatus: null,
        latencyMs: null,
        responseExcerpt: null,
        error: null,
        createdAt: this.now(),
      });
      ids.push(id);
    }
    return ids;
  }

  async due(limit: number): Promise<Delivery[]> {
    const heads = new Map<string, Delivery>();
    for (const d of this.rows) {
      const key = `${d.targetKind}\u0000${d.targetId}\u0000${d.subject}`;
      if (d.status === 'pending' && !heads.has(key)) heads.set(key, d);
    }
    return [...heads.values()].filter((d) => d.nextAttemptAt <= this.now()).slice(0, limit);
  }

  async recordAttempt(id: string, a: Parameters<DeliveryStore['recordAttempt']>[1]): Promise<void> {
    const d = this.rows.find((x) => x.id === id);
    if (!d) return;
    Object.assign(d, {
      status: a.status,
      attempts: d.attempts + 1,
      nextAttemptAt: a.nextAttemptAt,
      lastAttemptAt: a.at,
      responseStatus: a.response.status,
      latencyMs: a.response.latencyMs,
      responseExcerpt: a.response.body.slice(0, 500),
      error: a.response.error,
    });
  }

  async get(id: string): Promise<Delivery | null> {
    return this.rows.find((d) => d.id === id) ?? null;
  }

  async list(targetId: string, page: { cursor?: string | null; limit: number }) {
    const mine = this.rows.filter((d) => d.targetId === targetId).reverse();
    const start = page.cursor ? mine.findIndex((d) => d.id === page.cursor) + 1 : 0;
    const items = mine.slice(start, start + page.limit);
    const nextCursor = start + page.limit < mine.length ? (items[items.length - 1]?.id ?? null) : null;
    return { items, nextCursor };
  }
}
