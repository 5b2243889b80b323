/** One event the dashboard's live stream delivered. */
export interface LiveEvent {
  id: string;
  name: string;
  receivedAt: number;
}

/**
 * A dashboard's view of `events.live` (tRPC SSE): reads the stream as a browser would, with
 * the admin token, and reconnects with the last id when it breaks. Events that went through
 * Redis have stream ids ("1712345678901-0"); others are local fall-backs or `resync`.
 */
export class LiveEvents {
  readonly events: LiveEvent[] = [];
  readonly errors: string[] = [];
  private readonly ac = new AbortController();
  private lastId: string | null = null;
  private readonly done: Promise<void>;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {
    this.done = this.loop();
  }

  /** The first event received at or after `t` that passes `filter`. */
  firstAfter(t: number, filter: (e: LiveEvent) => boolean = () => true): LiveEvent | undefined {
    return this.events.find((e) => e.receivedAt >= t && filter(e));
  }

  async close(): Promise<void> {
    this.ac.abort();
    await this.done;
  }

  private async loop(): Promise<void> {
    while (!this.ac.signal.aborted) {
      try {
        await this.read();
      } catch (err) {
        if (this.ac.signal.aborted) return;
        this.errors.push((err as Error).message);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  private async read(): Promise<void> {
    const input = encodeURIComponent(JSON.stringify(this.lastId ? { lastEventId: this.lastId } : {}));
    const res = await fetch(`${this.baseUrl}/api/trpc/events.live?input=${input}`, {
      headers: { authorization: `Bearer ${this.token}`, accept: 'text/event-stream' },
      signal: this.ac.signal,
    });
    if (!res.ok || !res.body) throw new Error(`events.live answered ${res.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        this.onMessage(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
      }
    }
  }

  /** tRPC sends data messages with an `id:` (tracked events) and also `connected`/`ping` ones. */
  private onMessage(block: string): void {
    let id: string | null = null;
    let data = '';
    let kind = 'message';
    for (const line of block.split('\n')) {
      if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trim();
      else if (line.startsWith('event:')) kind = line.slice(6).trim();
    }
    if (kind !== 'message' || id === null) return;
    this.lastId = id;
    let name = '?';
    try {
      name = (JSON.parse(data) as { name?: string }).name ?? '?';
    } catch {
      /* keep '?' */
    }
    this.events.push({ id, name, receivedAt: Date.now() });
  }
}

export const viaRedis = (e: LiveEvent) => /^\d+-\d+$/.test(e.id);
