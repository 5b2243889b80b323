import type { Agent } from '../model';
import type { PoolSettings } from './pool-input';

export interface Pool extends PoolSettings {
  id: string;
  lastScaleUpAt: number | null;
  lastScaleDownAt: number | null;
  createdBy: string | null;
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
}

export interface PoolSample {
  at: number;
  size: number;
  awake: number;
  busy: number;
  backlog: number;
}

/** A pool's agents counted as the Pools page, the chart and the decision records show them. */
export function poolCounts(agents: readonly Pick<Agent, 'status' | 'activeTasks'>[]): { size: number; awake: number; busy: number } {
  return {
    size: agents.length,
    awake: agents.filter((a) => a.status !== 'sleeping').length,
    busy: agents.filter((a) => a.activeTasks > 0).length,
  };
}
