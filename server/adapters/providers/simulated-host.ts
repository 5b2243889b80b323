import { z } from 'zod';

/** What a simulated agent says it is doing (the activity states an agent's CLI adapter reports). */
export interface SimulatedActivity {
  state: 'idle' | 'working' | 'waiting-for-input' | 'rate-limited' | 'stalled' | 'done' | 'failed';
  detail?: string;
  /** When a rate limit lifts (epoch ms). */
  resetAt?: number;
}

export interface SimulatedHeartbeat {
  load?: number;
  contextUsed?: number;
  contextWindow?: number;
  activity?: SimulatedActivity;
  sessionId?: string | null;
}

export interface SimulatedHeartbeatAnswer {
  status: string;
  /** Compact the context before taking new work. */
  consolidate: boolean;
  /** Take no work before this time (epoch ms). */
  parkedUntil: number | null;
}

export interface SimulatedAssignment {
  taskId: string;
  leaseToken: string;
  title: string;
  payload: unknown;
  contextKey: string | null;
}

/**
 * The agent API as simulated agents use it, in process instead of over HTTP; the server's
 * orchestrator provides it. Every call acts as the agent `agentId`.
 */
export interface SimulatedHost {
  heartbeat(agentId: string, report: SimulatedHeartbeat): Promise<SimulatedHeartbeatAnswer>;
  /** Waits up to `waitMs` for work; null when none came. Ends early (null or a rejection) when `signal` aborts. */
  poll(
    agentId: string,
    opts: { waitMs: number; start: boolean },
    signal: AbortSignal,
  ): Promise<SimulatedAssignment | null>;
  progress(
    agentId: string,
    r: { taskId: string; leaseToken: string; message: string; percent?: number },
  ): Promise<unknown>;
  complete(agentId: string, r: { taskId: string; leaseToken: string; result?: unknown }): Promise<unknown>;
  fail(agentId: string, r: { taskId: string; leaseToken: string; error: string; retryable: boolean }): Promise<unknown>;
  release(agentId: string, r: { taskId: string; leaseToken: string; reason: string }): Promise<unknown>;
}

const rate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const ms = z.number().int().min(0);

/** A simulated pool's settings: how fast, how flaky and how hungry for context its agents are. */
export const SimulatedSettingsInput = z.strictObject({
  /** How long a task takes, drawn uniformly. */
  latencyMs: z
    .strictObject({ min: ms, max: ms })
    .refine((l) => l.min <= l.max, { message: 'must not exceed max', path: ['min'] })
    .default({ min: 800, max: 3_000 }),
  progressSteps: z.number().int().min(0).max(100).default(4),
  failureRate: rate.default(0.05),
  rateLimitRate: rate.default(0),
  rateLimitMs: ms.default(30_000),
  waitingForInputRate: rate.default(0),
  waitingForInputMs: ms.default(3_000),
  contextWindow: z.number().int().positive().default(200_000),
  /** Tokens of context each task adds. */
  contextPerTask: z.number().int().min(0).default(15_000),
  heartbeatIntervalMs: z.number().int().min(10).default(5_000),
});
export type SimulatedSettings = z.output<typeof SimulatedSettingsInput>;
