/** The shapes the server's agent protocol answers with (see server/core/model.ts). */

export interface Assignment {
  taskId: string;
  attempt: number;
  leaseToken: string;
  title: string;
  payload: unknown;
  capabilities: string[];
  priority: string;
  contextKey: string | null;
  timeoutMs: number | null;
}

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
