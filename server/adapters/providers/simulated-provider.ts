import { systemClock } from '@/server/adapters/system-clock';
import type { Clock, Logger } from '@/server/core/ports';
import type { AgentProvider, ManagedAgentSpec, ManagedExit } from '@/server/core/pools/ports';
import { seededRandom } from '@/server/core/shared/random';
import { describeSettingsProblems, parseSettings } from './settings-check';
import { SimulatedAgent } from './simulated-agent';
import { SimulatedSettingsInput, type SimulatedHost } from './simulated-host';

export { SimulatedSettingsInput };
export type {
  SimulatedActivity,
  SimulatedAssignment,
  SimulatedHeartbeat,
  SimulatedHeartbeatAnswer,
  SimulatedHost,
  SimulatedSettings,
} from './simulated-host';

export interface SimulatedProviderOptions {
  /** The agent API in process; a getter when the host is built after the provider. */
  host: SimulatedHost | (() => SimulatedHost);
  log?: Logger;
  clock?: Clock;
  /** Uniform in [0, 1); `seed` makes a seeded one; Math.random when neither is given. */
  random?: () => number;
  seed?: number;
}

/** In-process agents for the demo fleet and load tests; the ref is the agent id. */
export class SimulatedProvider implements AgentProvider {
  readonly kind = 'simulated';
  private readonly agents = new Map<string, SimulatedAgent>();
  private readonly host: () => SimulatedHost;
  private readonly random: () => number;

  constructor(private readonly options: SimulatedProviderOptions) {
    const host = options.host;
    this.host = typeof host === 'function' ? host : () => host;
    this.random = options.random ?? (options.seed !== undefined ? seededRandom(options.seed) : Math.random);
  }

  validateSettings(settings: Record<string, unknown>): string | null {
    return describeSettingsProblems(SimulatedSettingsInput, settings);
  }

  async start(spec: ManagedAgentSpec): Promise<{ ref: string }> {
    const settings = parseSettings(SimulatedSettingsInput, spec.settings, 'simulated');
    if (this.agents.get(spec.agentId)?.running) return { ref: spec.agentId };
    const agent = new SimulatedAgent(spec, settings, {
      host: this.host,
      clock: this.options.clock ?? systemClock,
      random: this.random,
      log: this.options.log?.child({ agentId: spec.agentId }),
    });
    this.agents.set(spec.agentId, agent);
    agent.start();
    return { ref: spec.agentId };
  }

  async stop(ref: string, graceMs: number): Promise<void> {
    await this.agents.get(ref)?.stop(graceMs);
  }

  /** Stops at once (work in hand goes back to the queue) and forgets the agent. */
  async remove(ref: string): Promise<void> {
    await this.stop(ref, 0);
    this.agents.delete(ref);
  }

  async isRunning(ref: string): Promise<boolean> {
    return this.agents.get(ref)?.running ?? false;
  }

  /** In-process agents have no exit status to report. */
  async exitOf(): Promise<ManagedExit | null> {
    return null;
  }

  async logs(ref: string, tailLines: number): Promise<string> {
    return this.agents.get(ref)?.output.tail(tailLines) ?? '';
  }

  async check(): Promise<{ ok: boolean; detail: string }> {
    try {
      if (!this.host()) return { ok: false, detail: 'the in-process agent API is not wired yet' };
    } catch (e) {
      return { ok: false, detail: `the in-process agent API is not ready: ${(e as Error).message}` };
    }
    const running = [...this.agents.values()].filter((a) => a.running).length;
    return { ok: true, detail: `in-process simulated agents (${running} running)` };
  }

  /** Stops every agent (server shutdown), each with the same grace. */
  async stopAll(graceMs: number): Promise<void> {
    await Promise.all([...this.agents.keys()].map((ref) => this.stop(ref, graceMs)));
  }
}
