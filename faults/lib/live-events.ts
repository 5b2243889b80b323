/** One message the dashboard's live stream delivered. */
export interface LiveEvent {
  /** The SSE id: a state change's log position; for a signal, the position of the last state change before it. */
  sseId: string;
  /** The event's own id: its log position (a state change), `~…` (a signal) or `resync`. */
  id: string;
  name: string;
  /** The tasks and the agent its payload names (`taskId` / `taskIds`, `agentId`). */
  taskIds: string[];
  agentId: string | null;
  receivedAt: number;
}

export interface LiveEventsOptions {
  /** Resume after this SSE id (e.g. the last one another replica sent), as a reconnecting browser does. */
  from?: string | null;
}

/**
 * A dashboard's view of `events.live` (tRPC SSE): reads the stream as a browser would, with
 * the admin token, and reconnects with the last id when it breaks. State changes carry their
 * log position as id; signals (heartbeats, progress, activity) carry `~…` ids, `~<stream id>`
 * when they came through Redis.
 */
export class LiveEvents {
  readonly events: LiveEvent[] = [];
  readonly errors: string[] = [];
  /** When each connection was answered (tRPC's `connected` message). */
  readonly connectedAt: number[] = [];
  private readonly ac = new AbortController();
  private lastSseId: string | null;
  private readonly done: Promise<void>;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    opts: LiveEventsOptions = {},
  ) {
    this.lastSseId = opts.from ?? null;
    this.done = this.loop();
  }

  /** The id a client resumes from: the last SSE id received (or the one it started from). */
  get lastId(): string | null {
    return this.lastSseId;
  }

  /** State changes only, in the order received. */
  get stateChanges(): LiveEvent[] {
    return this.events.filter(isStateChange);
  }

  /** The first event received at or after `t` that passes `filter`. */
  firstAfter(t: number, filter: (e: LiveEvent) => boolean = () => true): LiveEvent | undefined {
    return this.events.find((e) => e.receivedAt >= t && filter(e));
  }

  /** Disconnects (as a closed tab or a dropped network would) and stops reconnecting. */
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
    const input = encodeURIComponent(JSON.stringify(this.lastSseId ? { lastEventId: this.lastSseId } : {}));
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
    let sseId: string | null = null;
    let data = '';
    let kind = 'message';
    for (const line of block.split('\n')) {
      if (line.startsWith('id:')) sseId = line.slice(3).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trim();
      else if (line.startsWith('event:')) kind = line.slice(6).trim();
    }
    if (kind === 'connected') this.connectedAt.push(Date.now());
    if (kind !== 'message' || sseId === null) return;
    this.lastSseId = sseId;
    this.events.push({ sseId, ...describe(data), receivedAt: Date.now() });
  }
}

type Payload = { taskId?: unknown; taskIds?: unknown; agentId?: unknown };

function describe(data: string): Pick<LiveEvent, 'id' | 'name' | 'taskIds' | 'agentId'> {
  try {
    const e = JSON.parse(data) as { id?: unknown; name?: unknown; payload?: Payload };
    const p = e.payload ?? {};
    const taskIds = Array.isArray(p.taskIds) ? p.taskIds.map(String) : typeof p.taskId === 'string' ? [p.taskId] : [];
    return {
      id: typeof e.id === 'string' ? e.id : '?',
      name: typeof e.name === 'string' ? e.name : '?',
      taskIds,
      agentId: typeof p.agentId === 'string' ? p.agentId : null,
    };
  } catch {
    return { id: '?', name: '?', taskIds: [], agentId: null };
  }
}

/** A state change read from the event log: its id is its position. */
export const isStateChange = (e: LiveEvent) => /^\d+$/.test(e.id);
/** A signal that came through Redis (`~<stream id>`), not a replica's local fall-back (`~local-…`). */
export const viaRedis = (e: LiveEvent) => /^~\d+-\d+$/.test(e.id);
