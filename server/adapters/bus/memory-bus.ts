import type { AnyBusEvent, EventMap, EventName } from '@/server/core/events';
import type { EventBus } from '@/server/core/ports';

/**
 * In-process bus (embedded mode). Keeps the last events in a ring so a reconnecting
 * subscription can resume; ids carry the boot time so ids from an earlier process never match.
 */
export class MemoryBus implements EventBus {
  private handlers = new Set<(e: AnyBusEvent) => void>();
  private ring: AnyBusEvent[] = [];
  private seq = 0;
  private readonly boot = Date.now().toString(36);

  constructor(private readonly retain = 10_000) {}

  async publish<N extends EventName>(name: N, payload: EventMap[N]): Promise<void> {
    const event = { id: `${this.boot}-${++this.seq}`, name, payload, at: Date.now() } as AnyBusEvent;
    this.ring.push(event);
    if (this.ring.length > this.retain * 1.1) this.ring.splice(0, this.ring.length - this.retain);
    deliver(this.handlers, event);
  }

  subscribe(handler: (e: AnyBusEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async since(lastId: string): Promise<AnyBusEvent[] | null> {
    const [boot, seqText] = lastId.split('-');
    const seq = Number(seqText);
    if (boot !== this.boot || !Number.isInteger(seq)) return null;
    const first = this.ring[0];
    if (first && Number(first.id.split('-')[1]) > seq + 1) return null;
    return this.ring.filter((e) => Number(e.id.split('-')[1]) > seq);
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}

/** A throwing subscriber must not stop delivery to the others. */
export function deliver(handlers: Set<(e: AnyBusEvent) => void>, event: AnyBusEvent): void {
  for (const h of handlers) {
    try {
      h(event);
    } catch {
      /* subscribers handle their own errors */
    }
  }
}
