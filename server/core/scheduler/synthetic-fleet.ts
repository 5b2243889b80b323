import type { AgentSignals } from '../balancing/strategy';
import type { Agent, AgentState, Task } from '../model';
import { agentStatus } from '../registry/agent-status';
import { seededRandom } from '../shared/random';

export interface FleetOptions {
  agents: number;
  capabilities: number;
  seed: number;
  /** Capabilities per agent, inclusive range (default 3–8, capped at `capabilities`). */
  perAgent?: [number, number];
  /** Share of agents in a state that takes no work (default 0.15). */
  unavailable?: number;
}

export interface SyntheticFleet {
  agents: Agent[];
  signals: Map<string, AgentSignals>;
  capabilities: string[];
  random: () => number;
  /** A queued task needing `min`–`max` distinct capabilities of the fleet. */
  task(id: string, need?: [number, number]): Task;
}

const OTHER_STATES: AgentState[] = ['starting', 'draining', 'sleeping', 'unhealthy', 'offline', 'terminated'];

/**
 * A seeded roster with mixed capabilities, loads, states and signals, for property tests and
 * the decision benchmark: the same seed gives the same fleet.
 */
export function syntheticFleet(opts: FleetOptions): SyntheticFleet {
  const random = seededRandom(opts.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const capabilities = Array.from({ length: opts.capabilities }, (_, i) => `cap-${String(i).padStart(2, '0')}`);
  const pick = (k: number) => {
    const chosen = new Set<string>();
    while (chosen.size < Math.min(k, capabilities.length)) chosen.add(capabilities[int(0, capabilities.length - 1)]);
    return [...chosen];
  };
  const [lo, hi] = opts.perAgent ?? [3, 8];
  const agents: Agent[] = [];
  const signals = new Map<string, AgentSignals>();
  for (let i = 0; i < opts.agents; i++) {
    const maxConcurrency = int(1, 8);
    const activeTasks = random() < 0.3 ? maxConcurrency : int(0, maxConcurrency - 1);
    const status: AgentState =
      random() < (opts.unavailable ?? 0.15)
        ? OTHER_STATES[int(0, OTHER_STATES.length - 1)]
        : agentStatus('idle', activeTasks);
    const name = `agent-${String(i).padStart(5, '0')}`;
    agents.push({
      id: `agt_${name}`,
      name,
      runtime: 'synthetic',
      maxConcurrency,
      activeTasks,
      status,
      labels: {},
      capabilities: pick(int(lo, hi)).map((c) => ({ name: c, level: Math.round(random() * 100) / 100 })),
      contextWindow: null,
      contextUsed: null,
      load: null,
      registeredAt: 0,
      lastHeartbeatAt: 0,
      statusChangedAt: 0,
      activity: null,
      parkedUntil: null,
      sessionId: null,
      poolId: null,
      lastWorkAt: null,
    });
    const roll = random();
    signals.set(`agt_${name}`, {
      contextKeys: random() < 0.3 ? [`repo:${int(0, 19)}`] : [],
      successRate: random() < 0.8 ? Math.round(random() * 100) / 100 : null,
      latencyMs: random() < 0.8 ? int(1_000, 120_000) : null,
      health: random() < 0.9 ? 1 : Math.round(random() * 100) / 100,
      breaker: roll < 0.03 ? 'open' : roll < 0.06 ? 'half-open' : 'closed',
    });
  }
  const task = (id: string, need: [number, number] = [1, 2]): Task => ({
    id,
    title: id,
    payload: null,
    capabilities: pick(int(need[0], need[1])),
    priority: 'normal',
    status: 'queued',
    attempt: 0,
    maxAttempts: 3,
    agentId: null,
    contextKey: random() < 0.3 ? `repo:${int(0, 19)}` : null,
    project: 'default',
    concurrencyKey: null,
    concurrencyLimit: null,
    dependsOn: [],
    idempotencyKey: null,
    timeoutMs: null,
    submittedBy: null,
    result: null,
    error: null,
    progressPercent: null,
    progressMessage: null,
    createdAt: 0,
    queuedAt: 0,
    assignedAt: null,
    startedAt: null,
    finishedAt: null,
    retryAt: null,
    leaseExpiresAt: null,
  });
  return { agents, signals, capabilities, random, task };
}
