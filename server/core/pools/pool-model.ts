import type { ActorRef } from '../access/actor';
import type { Agent } from '../model';
import type { ManagedExit } from './ports';
import type { PoolSettings } from './pool-input';

export interface Pool extends PoolSettings {
  id: string;
  /** Why the autoscaler is holding the pool back right now, as it last recorded it. */
  hold: PoolHold | null;
  lastScaleUpAt: number | null;
  lastScaleDownAt: number | null;
  createdBy: ActorRef | null;
  createdAt: number;
  updatedAt: number;
}

/** The provider's handle on a managed agent. */
export interface PoolMember {
  agentId: string;
  poolId: string;
  ref: string | null;
  running: boolean;
  restarts: number;
  startedAt: number | null;
  /** How its process or container last ended on its own (a crash), if it did. */
  lastExit: ManagedExit | null;
}

export type PoolHoldKind =
  | 'sleep-window'
  | 'scale-up-cooldown'
  | 'scale-down-cooldown'
  | 'max-size'
  | 'crash-loop'
  | 'disabled'
  | 'provider-unavailable';

/** What the autoscaler holds back for now, and why: recorded once per change, named in pending reasons. */
export interface PoolHold {
  kind: PoolHoldKind;
  /** Equal keys are the same hold (it is recorded once). */
  key: string;
  /** What the pool does, after its name: "is asleep until Mon 00:00 UTC (sleep window `Sat,Sun 00:00-24:00` UTC)". */
  message: string;
  /** When it lifts by itself, if it does. */
  until: number | null;
}

export interface ScaleRecord {
  id: number;
  poolId: string;
  at: number;
  action: string;
  delta: number;
  backlog: number;
  size: number;
  awake: number;
  reason: string;
  inputs: Record<string, unknown>;
  /** Who decided: the autoscaler, or who changed the pool; null on records older than actors. */
  actor: ActorRef | null;
}

export interface PoolSample {
  at: number;
  size: number;
  awake: number;
  busy: number;
  backlog: number;
}

/** A pool's agents counted as the Pools page, the chart and the decision records show them. */
export function poolCounts(agents: readonly Pick<Agent, 'status' | 'activeTasks'>[]): {
  size: number;
  awake: number;
  busy: number;
} {
  return {
    size: agents.length,
    awake: agents.filter((a) => a.status !== 'sleeping').length,
    busy: agents.filter((a) => a.activeTasks > 0).length,
  };
}
