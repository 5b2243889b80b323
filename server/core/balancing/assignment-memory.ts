/**
 * When each agent last won, as a sequence number: equal candidates go to the one assigned
 * least recently, so a fleet of identical agents shares the work instead of one taking it all.
 */
export class AssignmentMemory {
  private seq = 0;
  // Map order is recency order (re-inserted on each win), so the oldest entry is evicted first.
  private readonly order = new Map<string, number>();

  constructor(private readonly capacity = 100_000) {}

  assigned(agentId: string): void {
    this.order.delete(agentId);
    this.order.set(agentId, this.seq++);
    if (this.order.size > this.capacity) this.order.delete(this.order.keys().next().value as string);
  }

  /** −1 for an agent never assigned (or forgotten): first in line. */
  lastAssigned(agentId: string): number {
    return this.order.get(agentId) ?? -1;
  }

  get size(): number {
    return this.order.size;
  }
}
