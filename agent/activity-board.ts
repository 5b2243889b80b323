import type { ActivityState } from './adapters/adapter';
import { truncate } from './adapters/stream-text';

export interface Activity {
  state: ActivityState;
  detail?: string;
  resetAt?: number;
}

// When slots disagree, the state most worth an operator's attention wins.
const RANK: ActivityState[] = ['idle', 'done', 'failed', 'working', 'stalled', 'waiting-for-input', 'rate-limited'];

/**
 * What the agent as a whole is doing, from what each poll slot is doing (plus an agent-wide
 * rate-limit pause). Calls `onChange` when the combined state changes, so the worker can
 * heartbeat at once.
 */
export class ActivityBoard {
  private readonly slots = new Map<number, Activity>();
  private paused: Activity | null = null;
  private stopping: Activity | null = null;
  private last: ActivityState = 'idle';

  constructor(private readonly onChange: (activity: Activity) => void) {}

  set(slot: number, activity: Activity): void {
    this.slots.set(slot, clip(activity));
    this.changed();
  }

  /** An agent-wide state that outranks the slots (the rate-limit pause); null lifts it. */
  pause(activity: Activity | null): void {
    this.paused = activity && clip(activity);
    this.changed();
  }

  /** The worker is shutting down: that outranks everything, and is not lifted. */
  stop(detail: string): void {
    this.stopping = clip({ state: 'stopping', detail });
    this.changed();
  }

  get isPaused(): boolean {
    return this.paused !== null;
  }

  current(): Activity {
    if (this.stopping) return this.stopping;
    if (this.paused) return this.paused;
    let best: Activity = { state: 'idle' };
    for (const a of this.slots.values()) if (RANK.indexOf(a.state) > RANK.indexOf(best.state)) best = a;
    return best;
  }

  /**
   * The activity for a heartbeat. A finished slot's done/failed is reported once, then reads
   * as idle: that needs no heartbeat of its own.
   */
  forHeartbeat(): Activity {
    const now = this.current();
    for (const [slot, a] of this.slots)
      if (a.state === 'done' || a.state === 'failed') this.slots.set(slot, { state: 'idle' });
    this.last = this.current().state;
    return now;
  }

  running(): number {
    return [...this.slots.values()].filter((a) => !['idle', 'done', 'failed'].includes(a.state)).length;
  }

  private changed(): void {
    const now = this.current();
    if (now.state === this.last) return;
    this.last = now.state;
    this.onChange(now);
  }
}

/** The server takes details of up to 500 characters. */
function clip(activity: Activity): Activity {
  return activity.detail && activity.detail.length > 500
    ? { ...activity, detail: truncate(activity.detail, 500) }
    : activity;
}
