import type { FailMode } from './ports';
import type { PreAssignRequest } from './pre-assign-answer';

/** Something that reviews an assignment before it is committed: a pre-assignment hook or a plugin. */
export interface AssignmentReviewer {
  /** How reasons name it: `hook gatekeeper`, `plugin audit`. */
  label: string;
  timeoutMs: number;
  failMode: FailMode;
  /** The raw answer (`{allow…}`); throws when there is none (HTTP error, bad JSON, a throwing plugin). */
  ask(req: PreAssignRequest, signal: AbortSignal): Promise<unknown>;
}

export const DEFAULT_PRE_ASSIGN_TIMEOUT_MS = 2_000;
export const MAX_PRE_ASSIGN_TIMEOUT_MS = 10_000;
/** A held task is offered again after 5 s, doubling per hold in a row up to 5 min. */
export const HOLD_BACKOFF = { baseMs: 5_000, maxMs: 300_000 } as const;
/** Reviews in flight at once across a pass's assignments. */
export const REVIEW_CONCURRENCY = 16;
