/** The shapes the server's agent protocol answers with (type-only: the worker ships no server code). */

export type { Assignment } from '../server/core/model';

export interface AgentSelf {
  id: string;
  name: string;
  status: string;
  sessionId: string | null;
  contextUsed: number | null;
  contextWindow: number | null;
  parkedUntil: number | null;
}

export interface HeartbeatReply {
  status: string;
  heartbeatIntervalMs: number;
  consolidate?: boolean;
  parkedUntil?: number | null;
}
