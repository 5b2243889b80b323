import { appendFileSync, closeSync, openSync, readSync, statSync } from 'node:fs';

/** The lease an entry is about. */
interface LeaseRef {
  taskId: string;
  attempt: number;
  leaseToken: string;
}

/**
 * One JSON line of an agent's log. `completed` is an accepted `work.complete` (answered
 * `succeeded`); `rejected` a report the server refused with a 4xx (409 for a stale lease).
 * `at` is the agent's wall clock in ms (same machine as the harness).
 */
export type AgentLogEntry = { agent: string; at: number } & (
  | { e: 'registered'; agentId: string; reregistered: boolean }
  | ({ e: 'delivered' } & LeaseRef)
  | ({ e: 'completed' } & LeaseRef)
  | ({ e: 'failed'; status: string } & LeaseRef)
  | ({ e: 'rejected'; verb: 'complete' | 'fail'; status: number; code: string } & LeaseRef)
  | ({ e: 'dying' } & LeaseRef)
  /** A call to be retried: "503 SERVICE_UNAVAILABLE", "fetch failed: ECONNREFUSED"… (once per kind per round). */
  | { e: 'retry'; what: string }
);

/**
 * Appends synchronously: a line written before a SIGKILL is on disk, so an agent that kills
 * itself cannot take its record of accepted completions with it.
 */
export class AgentLogWriter {
  constructor(
    private readonly file: string,
    private readonly agent: string,
  ) {}

  write(entry: DistributiveOmit<AgentLogEntry, 'agent' | 'at'>): void {
    appendFileSync(this.file, `${JSON.stringify({ ...entry, agent: this.agent, at: Date.now() })}\n`);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Reads a log incrementally (only what was appended since the last call); lines split across reads are kept. */
export class AgentLogReader {
  private offset = 0;
  private partial = '';

  constructor(readonly file: string) {}

  readNew(): AgentLogEntry[] {
    let size: number;
    try {
      size = statSync(this.file).size;
    } catch {
      return [];
    }
    if (size <= this.offset) return [];
    const buf = Buffer.alloc(size - this.offset);
    const fd = openSync(this.file, 'r');
    try {
      readSync(fd, buf, 0, buf.length, this.offset);
    } finally {
      closeSync(fd);
    }
    this.offset = size;
    const text = this.partial + buf.toString('utf8');
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    return lines.filter((l) => l.trim()).map((l) => JSON.parse(l) as AgentLogEntry);
  }
}
