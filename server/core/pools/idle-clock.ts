import type { AnyBusEvent } from '../events';
import type { Agent } from '../model';

/**
 * When each agent last took or finished work, from the events of every replica. After a restart
 * it knows nothing and falls back to the agent's last state change, so idle agents wait a little
 * longer to be scaled down, never less.
 */
export class IdleClock {
  private lastWork = new Map<string, number>();

  observe(e: AnyBusEvent): void {
    if (e.name === 'task:assigned' || e.name === 'task:completed') this.lastWork.set(e.payload.agentId, e.at);
    else if ((e.name === 'task:requeued' || e.name === 'task:dead-lettered') && e.payload.agentId)
      this.lastWork.set(e.payload.agentId, e.at);
    else if (e.name === 'agent:deregistered') this.lastWork.delete(e.payload.agentId);
  }

  idleForMs(agent: Pick<Agent, 'id' | 'statusChangedAt' | 'activeTasks'>, now: number): number {
    if (agent.activeTasks > 0) return 0;
    return Math.max(0, now - Math.max(agent.statusChangedAt, this.lastWork.get(agent.id) ?? 0));
  }
}
