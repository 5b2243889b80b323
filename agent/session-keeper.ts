/**
 * The CLI conversation this agent continues from task to task. One task at a time may use it
 * (two CLIs resuming one session would interleave); with several slots the others start fresh.
 */
export interface SessionLease {
  sessionId: string | null;
  /** Whether this task holds the agent's session (and so updates it). */
  owned: boolean;
}

export class SessionKeeper {
  private held = false;

  constructor(private sessionId: string | null) {}

  get current(): string | null {
    return this.sessionId;
  }

  acquire(): SessionLease {
    if (this.held) return { sessionId: null, owned: false };
    this.held = true;
    return { sessionId: this.sessionId, owned: true };
  }

  /** Hands the session back; the owner passes the session its CLI ended in, if it saw one. */
  release(lease: SessionLease, sessionId?: string | null): void {
    if (!lease.owned) return;
    this.held = false;
    if (sessionId !== undefined) this.sessionId = sessionId;
  }

  get busy(): boolean {
    return this.held;
  }
}
