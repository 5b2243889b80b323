import { describeActor } from '../access/actor';
import type { RequestContext } from '../access/request-context';
import { conflict, notFound } from '../errors';
import type { Agent, AgentState } from '../model';
import type { Logger, Store } from '../ports';
import type { AgentRegistry } from './agent-registry';

/** What a pool does for its own agents when they sleep, wake or go (stop, restart, remove them). */
export interface ManagedAgentControl {
  sleep(agent: Agent): Promise<void>;
  wake(agent: Agent): Promise<void>;
  terminate(agent: Agent): Promise<void>;
}

/**
 * Operator and autoscaler actions on an agent: drain, resume, sleep, wake, terminate. A sleeping
 * agent takes nothing (the assignment statement checks it under a row lock); a managed one is
 * also stopped by its provider and started again on wake, resuming its CLI session.
 */
export class AgentLifecycle {
  private managed: ManagedAgentControl | null = null;

  constructor(
    private readonly store: Store,
    private readonly registry: AgentRegistry,
    private readonly log: Logger,
    private readonly onCapacityChange: () => void,
  ) {}

  /** Pools control their own agents' processes; set once at start. */
  useManagedControl(control: ManagedAgentControl): void {
    this.managed = control;
  }

  async drain(req: RequestContext, agentId: string): Promise<Agent> {
    return this.transition(agentId, 'draining', ['idle', 'starting', 'unhealthy'], `drained by ${by(req)}`);
  }

  async resume(req: RequestContext, agentId: string): Promise<Agent> {
    return this.transition(agentId, 'idle', ['draining'], `resumed by ${by(req)}`);
  }

  /** Only an idle agent holding no work sleeps; drain a busy one first. */
  async sleep(req: RequestContext, agentId: string): Promise<Agent> {
    const agent = await this.registry.get(agentId);
    const result = await this.store.agents.sleep(agentId, `put to sleep by ${by(req)}`);
    if (!result) throw notFound('agent', agentId);
    if (!result.slept) {
      const why =
        result.active > 0
          ? `it holds ${result.active} task${result.active === 1 ? '' : 's'}; drain it first`
          : `it is ${result.previous}`;
      throw conflict(`cannot put agent ${agent.name} to sleep: ${why}`, { status: result.previous });
    }
    if (agent.poolId && this.managed)
      await this.managed
        .sleep(agent)
        .catch((err) => this.log.warn({ err, agentId }, 'stopping a sleeping agent failed'));
    return this.registry.get(agentId);
  }

  async wake(req: RequestContext, agentId: string): Promise<Agent> {
    const agent = await this.registry.get(agentId);
    if (agent.status !== 'sleeping')
      throw conflict(`cannot wake agent ${agent.name}: it is ${agent.status}, not sleeping`, { status: agent.status });
    // A managed agent's process was stopped: it counts as starting until its first heartbeat.
    const managed = !!(agent.poolId && this.managed);
    const woken = await this.transition(agentId, managed ? 'starting' : 'idle', ['sleeping'], `woken by ${by(req)}`);
    if (managed) await this.managed!.wake(agent);
    return woken;
  }

  /** Its tasks go back to the queue: `requeued` says how many, for the operator's notice. `why` replaces "terminated by <actor>". */
  async terminate(
    req: RequestContext,
    agentId: string,
    why = `terminated by ${by(req)}`,
  ): Promise<{ requeued: number }> {
    const agent = await this.registry.get(agentId);
    if (agent.status === 'terminated') return { requeued: 0 };
    const requeued = await this.registry.deregister(agentId, why);
    if (agent.poolId && this.managed)
      await this.managed
        .terminate(agent)
        .catch((err) => this.log.warn({ err, agentId }, 'removing a terminated agent failed'));
    return { requeued };
  }

  private async transition(agentId: string, to: AgentState, from: AgentState[], reason: string): Promise<Agent> {
    const changed = await this.store.agents.setStatus(agentId, to, reason, from);
    if (!changed) {
      const agent = await this.registry.get(agentId);
      throw conflict(`cannot move agent ${agent.name} to ${to}: it is ${agent.status}`, { status: agent.status });
    }
    this.onCapacityChange();
    return this.registry.get(agentId);
  }
}

/** "alice", "token ci-bot": who acted, for the agent's status reason. */
const by = (req: RequestContext) => describeActor(req.actor);
