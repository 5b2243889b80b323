import type { ActorRef } from '../access/actor';

/** What the routing policy needs of storage. The adapters implement these; the core depends on nothing else. */

/** A routing-policy change; the latest per scope is in force. */
export interface RoutingChange {
  id: number;
  scope: string;
  strategy: string;
  weights: Record<string, number>;
  changedBy: ActorRef;
  changedAt: number;
}

export interface RoutingStore {
  current(scope: string): Promise<RoutingChange | null>;
  record(change: Omit<RoutingChange, 'id' | 'changedAt'>): Promise<RoutingChange>;
  history(limit: number): Promise<RoutingChange[]>;
}
