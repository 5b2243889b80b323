import type { ActorRef } from '../access/actor';
import type { DeliveryTarget } from '../deliveries/ports';
import type { Priority } from '../model';

export type HookKind = 'event' | 'pre-assignment';
export type FailMode = 'open' | 'closed';

/** A hook as lists show it: never its secret. */
export interface Hook {
  id: string;
  name: string;
  kind: HookKind;
  url: string;
  /** Event hooks: catalogue names or patterns; empty for pre-assignment hooks. */
  patterns: string[];
  timeoutMs: number;
  failMode: FailMode;
  enabled: boolean;
  createdBy: ActorRef | null;
  createdAt: number;
}

export type NewHook = Omit<Hook, 'createdAt'> & { secret: string };

/** A hook with its secret, for signing (never sent back to a caller after create). */
export type SigningHook = Hook & { secret: string };

/** What the amend of a pre-assignment hook may change. */
export interface TaskAmend {
  labels?: Record<string, string>;
  priority?: Priority;
}

export interface HookStore {
  /** Null when the name is taken. */
  create(hook: NewHook): Promise<Hook | null>;
  list(kind?: HookKind): Promise<Hook[]>;
  get(id: string): Promise<Hook | null>;
  delete(id: string): Promise<boolean>;
  /** Enabled hooks of a kind, with their secrets. */
  enabled(kind: HookKind): Promise<SigningHook[]>;
  /** Where a hook's deliveries go (the deliverer's lookup); null when it is gone. */
  target(id: string): Promise<DeliveryTarget | null>;
  /**
   * Holds a queued task back from dispatch after a veto (database time, so every replica agrees):
   * `baseMs` doubled per hold in a row, at most `maxMs`. Returns when it may be offered again.
   */
  hold(taskId: string, reason: string, backoff: { baseMs: number; maxMs: number }): Promise<number | null>;
  /** Applies an amend to a task still queued; false when it is no longer queued. (An assignment clears holds.) */
  amend(taskId: string, amend: TaskAmend): Promise<boolean>;
}
