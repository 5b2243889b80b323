import type { AnyBusEvent } from '../events';
import type { EventLogStore } from '../log/ports';

/** The event log in memory, for unit tests of its readers: positions in append order. */
export class MemoryEventLog implements EventLogStore {
  events: AnyBusEvent[] = [];
  readonly cursors = new Map<string, number>();
  /** Reads made, to check that fan-out costs one read per wake-up. */
  reads = 0;

  append(...names: string[]): void {
    for (const name of names) {
      const position = (Number(this.events.at(-1)?.id ?? 0) || 0) + 1;
      this.events.push({ id: String(position), name, payload: { taskIds: [] }, at: 0 } as unknown as AnyBusEvent);
    }
  }

  async after(position: number, limit: number) {
    this.reads++;
    return this.events.filter((e) => Number(e.id) > position).slice(0, limit);
  }
  async head() {
    return Number(this.events.at(-1)?.id ?? 0);
  }
  async oldest() {
    return this.events.length ? Number(this.events[0].id) : null;
  }
  async prune() {
    return 0;
  }
  async cursor(consumer: string, startAt: number) {
    if (!this.cursors.has(consumer)) this.cursors.set(consumer, startAt);
    return this.cursors.get(consumer)!;
  }
  async advance(consumer: string, from: number, to: number) {
    if (this.cursors.get(consumer) !== from) return false;
    this.cursors.set(consumer, to);
    return true;
  }
  async consumers() {
    return [...this.cursors].map(([name, position]) => ({ name, position, behind: 0 }));
  }
}
