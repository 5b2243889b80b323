import type { Agent, AgentState } from '../model';

/** States that take no new work, by code (1-based); code 0 is routable: idle or busy. */
export const UNROUTABLE_STATES: readonly AgentState[] = [
  'starting',
  'draining',
  'sleeping',
  'stopped',
  'unhealthy',
  'offline',
  'terminated',
];
const ROUTABLE = 0;
/** Code of an agent whose state takes work but which is held (rate-limited, context full). */
export const HELD = UNROUTABLE_STATES.length + 1;
const EMPTY = new Int32Array(0);
/** Missing-capability masks are counted in an array of 2^k entries; past this the caller goes naive. */
export const MAX_MASK_CAPABILITIES = 12;

/**
 * The dispatch pass's view of the roster, built once per pass: per-capability posting lists of
 * agent positions (ascending), per-agent state codes and per-state counts. A decision touches
 * the posting lists of the task's capabilities, not the whole roster. The roster rows are
 * shared, not copied: `assigned()` counts a task against its agent in place.
 */
export class RosterIndex {
  readonly agents: readonly Agent[];
  /** Per agent: 0 when routable, HELD when held, else 1 + its position in UNROUTABLE_STATES. */
  readonly stateCode: Uint8Array;
  /** Agents per state code (index 0: routable, last: held). */
  readonly stateCounts: Int32Array;
  /** Held agents per hold reason. */
  readonly heldCounts = new Map<string, number>();
  private readonly byId = new Map<string, number>();
  private readonly postings = new Map<string, Int32Array>();
  private readonly everyone: Int32Array;
  // Scratch for missingByMask, left zeroed after each call.
  private readonly held: Int32Array;
  private readonly touched: Int32Array;
  private free = 0;

  constructor(roster: readonly Agent[]) {
    const n = roster.length;
    this.agents = roster;
    this.stateCode = new Uint8Array(n);
    this.stateCounts = new Int32Array(HELD + 1);
    this.everyone = new Int32Array(n);
    this.held = new Int32Array(n);
    this.touched = new Int32Array(n);
    const lists = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const a = roster[i];
      this.byId.set(a.id, i);
      this.everyone[i] = i;
      let code = UNROUTABLE_STATES.indexOf(a.status) + 1;
      if (code === ROUTABLE && a.hold) {
        code = HELD;
        this.heldCounts.set(a.hold, (this.heldCounts.get(a.hold) ?? 0) + 1);
      }
      this.stateCode[i] = code;
      this.stateCounts[code]++;
      if (code === ROUTABLE) this.free += Math.max(0, a.maxConcurrency - a.activeTasks);
      for (const c of a.capabilities) {
        let list = lists.get(c.name);
        if (!list) lists.set(c.name, (list = []));
        // A capability listed twice by one agent is posted once.
        if (list[list.length - 1] !== i) list.push(i);
      }
    }
    for (const [name, list] of lists) this.postings.set(name, Int32Array.from(list));
  }

  get size(): number {
    return this.agents.length;
  }

  /** Free task slots over the routable agents. */
  get freeSlots(): number {
    return this.free;
  }

  /** The agent's position in the roster, or -1. */
  indexOf(agentId: string): number {
    return this.byId.get(agentId) ?? -1;
  }

  isRoutable(i: number): boolean {
    return this.stateCode[i] === ROUTABLE;
  }

  isFull(i: number): boolean {
    return this.agents[i].activeTasks >= this.agents[i].maxConcurrency;
  }

  /** Counts one more task against agent `i`, on its roster row. */
  assigned(i: number): void {
    if (this.isRoutable(i) && !this.isFull(i)) this.free--;
    this.agents[i].activeTasks++;
  }

  /** Agents holding `capability`, whatever their state. */
  holderCount(capability: string): number {
    return this.postings.get(capability)?.length ?? 0;
  }

  /** Routable agents with a free slot (for the queue's capability filter). */
  freeAgents(): Agent[] {
    return this.agents.filter((a, i) => this.isRoutable(i) && !this.isFull(i));
  }

  /**
   * Positions of the agents holding every capability in `required` (any state), ascending:
   * the posting lists intersected smallest first. Read-only: it may be an index's own list.
   */
  capable(required: readonly string[]): Int32Array {
    if (!required.length) return this.everyone;
    const lists: Int32Array[] = [];
    for (const name of required) {
      const list = this.postings.get(name);
      if (!list) return EMPTY;
      lists.push(list);
    }
    lists.sort((x, y) => x.length - y.length);
    let out = lists[0];
    for (let k = 1; k < lists.length && out.length; k++) out = intersect(out, lists[k]);
    return out;
  }

  /**
   * Routable agents lacking part of `required`, counted by the mask of what they lack (bit j =
   * `required[j]`). Walks only the posting lists of `required`; null past MAX_MASK_CAPABILITIES.
   */
  missingByMask(required: readonly string[]): Map<number, number> | null {
    const k = required.length;
    const out = new Map<number, number>();
    if (k === 0) return out;
    if (k > MAX_MASK_CAPABILITIES) return null;
    const { held, touched, stateCode } = this;
    let t = 0;
    for (let j = 0; j < k; j++) {
      const list = this.postings.get(required[j]);
      if (!list) continue;
      const bit = 1 << j;
      for (let p = 0; p < list.length; p++) {
        const i = list[p];
        if (stateCode[i] !== ROUTABLE) continue;
        if (held[i] === 0) touched[t++] = i;
        held[i] |= bit;
      }
    }
    const all = (1 << k) - 1;
    const counts = new Int32Array(all + 1);
    for (let p = 0; p < t; p++) {
      const i = touched[p];
      counts[all ^ held[i]]++;
      held[i] = 0;
    }
    // Routable agents on none of the lists lack everything.
    counts[all] += this.stateCounts[ROUTABLE] - t;
    for (let m = 1; m <= all; m++) if (counts[m]) out.set(m, counts[m]);
    return out;
  }
}

/** Sorted intersection; gallops through `large` so the cost follows the smaller list. */
function intersect(small: Int32Array, large: Int32Array): Int32Array {
  const out = new Int32Array(small.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < small.length && j < large.length; i++) {
    const x = small[i];
    if (large[j] < x) {
      let step = 1;
      let hi = j + 1;
      while (hi < large.length && large[hi] < x) {
        j = hi;
        step <<= 1;
        hi = j + step;
      }
      let lo = j + 1;
      hi = Math.min(hi, large.length);
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (large[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      j = lo;
    }
    if (j < large.length && large[j] === x) out[n++] = large[j++];
  }
  return out.subarray(0, n);
}
