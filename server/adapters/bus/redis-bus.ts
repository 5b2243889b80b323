import { Redis } from 'ioredis';
import type { AnyBusEvent, EventMap, SignalName } from '@/server/core/events';
import type { EventBus, Logger } from '@/server/core/ports';
import { deliverAll } from '@/server/core/shared/deliver';

type StreamEntry = [id: string, fields: string[]];

/**
 * Signals (heartbeats, progress lines, activity) through a short Redis stream that every replica
 * reads, so a dashboard on one sees an agent's progress reported to another. State changes do not
 * come this way: they are in the event log. While Redis is away, signals reach this replica only.
 */
export class RedisBus implements EventBus {
  private readonly writer: Redis;
  private readonly reader: Redis;
  private readonly key: string;
  private handlers = new Set<(e: AnyBusEvent) => void>();
  private lastId = '$';
  private running = true;
  private readLoop: Promise<void>;

  constructor(
    url: string,
    private readonly log: Logger,
    opts: { prefix?: string; retain?: number } = {},
  ) {
    const common = { protocol: 2 as const, lazyConnect: false, maxRetriesPerRequest: 2, enableAutoPipelining: true };
    // Fail fast while Redis is away (events then go to local subscribers and dashboards resync
    // later) instead of holding every publishing request in ioredis' offline queue.
    this.writer = new Redis(url, { ...common, enableOfflineQueue: false });
    this.reader = new Redis(url, { ...common, maxRetriesPerRequest: null, enableAutoPipelining: false });
    for (const c of [this.writer, this.reader])
      c.on('error', (err) => this.log.warn({ err: err.message }, 'redis connection error'));
    this.key = `${opts.prefix ?? 'flightdeck:'}signals`;
    this.retain = opts.retain ?? 1_000;
    this.readLoop = this.read();
  }

  private readonly retain: number;

  /** Resolves once the writer is connected, or after `ms` (Redis down at boot: events stay local until it returns). */
  async ready(ms = 5_000): Promise<void> {
    if (this.writer.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.writer.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.writer.once('ready', done);
    });
  }

  async publish<N extends SignalName>(name: N, payload: EventMap[N]): Promise<void> {
    const body = JSON.stringify({ name, payload, at: Date.now() });
    try {
      await this.writer.xadd(this.key, 'MAXLEN', '~', String(this.retain), '*', 'e', body);
    } catch (err) {
      // Redis may be lost: local subscribers still get the signal; the next one reaches the others.
      this.log.warn({ err: (err as Error).message, event: name }, 'signal not published to redis');
      deliverAll(this.handlers, { id: `~local-${Date.now()}`, name, payload, at: Date.now() } as AnyBusEvent);
    }
  }

  subscribe(handler: (e: AnyBusEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async ping(): Promise<void> {
    await this.writer.ping();
  }

  async close(): Promise<void> {
    this.running = false;
    this.reader.disconnect();
    await this.readLoop.catch(() => {});
    await this.writer.quit().catch(() => this.writer.disconnect());
    this.handlers.clear();
  }

  private async read(): Promise<void> {
    while (this.running) {
      try {
        if (this.lastId === '$') {
          // Start after the newest entry, so nothing published after start-up is missed between calls.
          const last = (await this.reader.xrevrange(this.key, '+', '-', 'COUNT', 1)) as StreamEntry[];
          this.lastId = last[0]?.[0] ?? '0-0';
        }
        const res = (await this.reader.xread('COUNT', 1000, 'BLOCK', 5000, 'STREAMS', this.key, this.lastId)) as
          [string, StreamEntry[]][] | null;
        for (const [, entries] of res ?? []) {
          for (const entry of entries) {
            this.lastId = entry[0];
            const event = toEvent(entry);
            if (event) deliverAll(this.handlers, event);
          }
        }
      } catch (err) {
        if (!this.running) return;
        this.log.warn({ err: (err as Error).message }, 'redis event read failed; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}

function toEvent([id, fields]: StreamEntry): AnyBusEvent | null {
  const body = fields[fields.indexOf('e') + 1];
  try {
    const { name, payload, at } = JSON.parse(body);
    return { id: `~${id}`, name, payload, at } as AnyBusEvent;
  } catch {
    return null;
  }
}
