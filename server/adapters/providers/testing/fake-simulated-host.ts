import type {
  SimulatedAssignment,
  SimulatedHeartbeat,
  SimulatedHeartbeatAnswer,
  SimulatedHost,
} from '../simulated-provider';

type Outcome = {
  kind: 'progress' | 'complete' | 'fail' | 'release';
  agentId: string;
  at: number;
  taskId: string;
} & Record<string, unknown>;

/** An in-memory agent API: a queue of tasks, a scripted heartbeat answer, everything recorded. */
export class FakeSimulatedHost implements SimulatedHost {
  readonly queue: SimulatedAssignment[] = [];
  readonly heartbeats: (SimulatedHeartbeat & { agentId: string; at: number })[] = [];
  readonly outcomes: Outcome[] = [];
  readonly taken: { agentId: string; taskId: string; at: number }[] = [];
  polls = 0;
  /** The answer to the next heartbeat; a function to answer from the report. */
  answer: SimulatedHeartbeatAnswer | ((r: SimulatedHeartbeat) => SimulatedHeartbeatAnswer) = {
    status: 'idle',
    consolidate: false,
    parkedUntil: null,
  };

  submit(...titles: string[]): void {
    for (const title of titles)
      this.queue.push({
        taskId: `tsk_${title}`,
        leaseToken: `lease_${title}`,
        title,
        payload: { title },
        contextKey: null,
      });
  }

  of(kind: Outcome['kind']): Outcome[] {
    return this.outcomes.filter((o) => o.kind === kind);
  }

  async heartbeat(agentId: string, report: SimulatedHeartbeat): Promise<SimulatedHeartbeatAnswer> {
    this.heartbeats.push({ ...structuredClone(report), agentId, at: Date.now() });
    return typeof this.answer === 'function' ? this.answer(report) : this.answer;
  }

  /** Like the server's long poll: hands out a queued task, else waits a little (abortable) and answers null. */
  async poll(
    agentId: string,
    _opts: { waitMs: number; start: boolean },
    signal: AbortSignal,
  ): Promise<SimulatedAssignment | null> {
    this.polls++;
    const deadline = Date.now() + 20;
    while (!signal.aborted && Date.now() < deadline) {
      const task = this.queue.shift();
      if (task) {
        this.taken.push({ agentId, taskId: task.taskId, at: Date.now() });
        return task;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    return null;
  }

  async progress(agentId: string, r: { taskId: string; message: string; percent?: number }) {
    this.outcomes.push({ kind: 'progress', agentId, at: Date.now(), ...r });
  }

  async complete(agentId: string, r: { taskId: string; result?: unknown }) {
    this.outcomes.push({ kind: 'complete', agentId, at: Date.now(), ...r });
  }

  async fail(agentId: string, r: { taskId: string; error: string; retryable: boolean }) {
    this.outcomes.push({ kind: 'fail', agentId, at: Date.now(), ...r });
  }

  async release(agentId: string, r: { taskId: string; reason: string }) {
    this.outcomes.push({ kind: 'release', agentId, at: Date.now(), ...r });
  }
}
