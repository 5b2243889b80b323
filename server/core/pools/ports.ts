import type { ActorRef } from '../access/actor';
import type { Agent } from '../model';
import type { PoolSettings } from './pool-input';
import type { Pool, PoolHold, PoolMember, PoolSample, ScaleRecord } from './pool-model';

/** What pools need of storage, and the providers that run managed agents. The adapters implement these; the core depends on nothing else. */

export interface PoolStore {
  /** Null when the name is taken. */
  create(pool: PoolSettings & { createdBy: ActorRef | null }): Promise<Pool | null>;
  /** `by` is kept with the pool: the database names it in the change's event (and in a deletion's that follows). */
  update(id: string, patch: Partial<PoolSettings>, by: ActorRef | null): Promise<Pool | null>;
  remove(id: string): Promise<boolean>;
  get(id: string): Promise<Pool | null>;
  list(): Promise<Pool[]>;
  /** Queued tasks whose required capabilities the pool's agents all have. */
  backlog(capabilities: string[]): Promise<number>;
  /** The pool's agents that are not terminated, with their active task counts. */
  agentsOf(poolId: string): Promise<Agent[]>;
  members(poolId: string): Promise<PoolMember[]>;
  member(agentId: string): Promise<PoolMember | null>;
  saveMember(member: Omit<PoolMember, 'startedAt' | 'restarts' | 'lastExit'> & { restarts?: number }): Promise<void>;
  /** Keeps how the member last crashed (shown with the pool's members). */
  recordExit(agentId: string, exit: ManagedExit): Promise<void>;
  /**
   * Sets the pool's hold (null: none); false when it already had one with the same key, so each
   * hold is recorded once across ticks, restarts and replicas.
   */
  setHold(poolId: string, hold: PoolHold | null): Promise<boolean>;
  deleteMember(agentId: string): Promise<void>;
  markScaled(poolId: string, direction: 'up' | 'down'): Promise<void>;
  recordDecision(record: Omit<ScaleRecord, 'id' | 'at'>): Promise<ScaleRecord>;
  decisions(poolId: string, limit: number): Promise<ScaleRecord[]>;
  recordSample(poolId: string, sample: Omit<PoolSample, 'at'>): Promise<void>;
  /** Samples in [from, to), one point per epoch-aligned bucket holding any: each value its bucket's peak. */
  samples(poolId: string, window: { from: number; to: number; bucketMs: number }): Promise<PoolSample[]>;
  /** Drops samples older than `keepMs` and all but the newest `keepDecisions` decisions per pool. */
  prune(keepMs: number, keepDecisions: number): Promise<void>;
}

/** How a managed agent's process or container ended: what an operator needs to see why it crashed. */
export interface ManagedExit {
  /** Exit code, or null when a signal ended it (or it is unknown). */
  code: number | null;
  signal: string | null;
  /** Its last lines of standard error (bounded), oldest first. */
  stderr: string[];
}

/** What a provider needs to run one managed agent: its identity on the server and how it works. */
export interface ManagedAgentSpec {
  poolName: string;
  agentId: string;
  agentName: string;
  /** The agent's own credential (acts only on its own work), never an admin token. */
  agentToken: string;
  /** Base URL of the control plane as the agent reaches it (`http://127.0.0.1:3000`). */
  serverUrl: string;
  /** Worker adapter: claude, gemini, codex, aider or shell (the simulated provider ignores it). */
  adapter: string;
  capabilities: string[];
  concurrency: number;
  /** The pool's provider settings, validated by the provider's own schema. */
  settings: Record<string, unknown>;
}

/**
 * Starts and stops managed agents (simulated in-process, local processes, Docker containers).
 * A started agent registers nothing itself: it heartbeats and polls as the agent `spec.agentId`.
 */
export interface AgentProvider {
  readonly kind: string;
  /** Checks the settings (a clear message naming the field) before a pool is saved. */
  validateSettings(settings: Record<string, unknown>): string | null;
  /** Launches the agent; resolves with a reference once launched (not once it has heartbeated). */
  start(spec: ManagedAgentSpec): Promise<{ ref: string }>;
  /** Asks the agent to stop, letting it hand back its work, and forces it after `graceMs`. */
  stop(ref: string, graceMs: number): Promise<void>;
  /** Stops it if needed and removes what is left of it (a stopped container). */
  remove(ref: string): Promise<void>;
  isRunning(ref: string): Promise<boolean>;
  /** How a stopped agent ended, when the provider knows (null while it runs or once forgotten). */
  exitOf(ref: string): Promise<ManagedExit | null>;
  /** Its most recent output, newest last. */
  logs(ref: string, tailLines: number): Promise<string>;
  /** Whether the provider can work at all (the Docker daemon answers, the worker command exists). */
  check(): Promise<{ ok: boolean; detail: string }>;
}
