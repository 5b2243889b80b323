import type { Agent } from '../model';
import type { Store } from '../ports';
import type { Alert } from './alert-model';

/** What an alert concerns, with enough to link to each: the Alerts page's "affects" panel. */
export interface AlertAffects {
  capability: string | null;
  agents: { id: string; name: string; status: string }[];
  pools: { id: string; name: string }[];
  /** Queued tasks needing the capability (at most AFFECTS_LIMIT). */
  tasks: string[];
}

export const AFFECTS_LIMIT = 20;

const hasCapability = (a: Agent, cap: string) => a.capabilities.some((c) => c.name === cap);

export interface Targets {
  agent: Agent | null;
  capability: string | null;
  runtime: string | null;
  /** Pools named by the alert, or whose agents have its capability. */
  pools: { id: string; name: string; capabilities: string[]; enabled: boolean }[];
  /** Live agents the alert concerns (the agent, or those with the capability or runtime). */
  agents: Agent[];
}

/** The agents, pools and capability an alert's labels point at, read fresh. */
export async function targetsOf(store: Store, alert: Alert): Promise<Targets> {
  const { agent_id: agentId, capability = null, runtime = null, pool_id: poolId } = alert.labels;
  const agent = agentId ? await store.agents.get(agentId) : null;
  const allPools = await store.pools.list();
  const pools = allPools.filter((p) =>
    poolId ? p.id === poolId : !!capability && p.capabilities.includes(capability),
  );
  let agents: Agent[] = agent ? [agent] : [];
  if (!agent && (capability || runtime || poolId)) {
    agents = (await store.agents.live()).filter(
      (a) =>
        (capability && hasCapability(a, capability)) ||
        (runtime && !capability && a.runtime === runtime) ||
        (poolId && a.poolId === poolId),
    );
  }
  return { agent, capability, runtime, pools, agents };
}

export async function affectsOf(store: Store, alert: Alert, t: Targets): Promise<AlertAffects> {
  return {
    capability: t.capability,
    agents: t.agents.slice(0, AFFECTS_LIMIT).map((a) => ({ id: a.id, name: a.name, status: a.status })),
    pools: t.pools.map((p) => ({ id: p.id, name: p.name })),
    tasks:
      t.capability && alert.state !== 'resolved' ? await store.alerts.queuedTaskIds(t.capability, AFFECTS_LIMIT) : [],
  };
}
