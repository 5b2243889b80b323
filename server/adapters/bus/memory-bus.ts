import type { AnyBusEvent, EventMap, SignalName } from '@/server/core/events';
import type { EventBus } from '@/server/core/ports';
import { deliverAll } from '@/server/core/shared/deliver';

/** In-process signals (embedded mode, or one replica): delivered at once, kept nowhere. */
export class MemoryBus implements EventBus {
  private handlers = new Set<(e: AnyBusEvent) => void>();
  private seq = 0;

  async publish<N extends SignalName>(name: N, payload: EventMap[N]): Promise<void> {
    deliverAll(this.handlers, { id: `~${++this.seq}`, name, payload, at: Date.now() } as AnyBusEvent);
  }

  subscribe(handler: (e: AnyBusEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
