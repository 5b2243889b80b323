import type { Adapter } from './adapters/adapter';
import type { ApiClient } from './client';
import type { Logger } from './logger';
import type { WorkerOptions } from './options';
import type { AgentSelf } from './worker-types';

/** Agent tokens carry this prefix; any other token is taken as an admin token to enrol with. */
const AGENT_TOKEN_PREFIX = 'fda_';

/**
 * Who this worker is. With an agent token, the server already knows; with an enrolment token,
 * register (idempotent by name) and use the agent token it returns from then on. Either way
 * `agents.me` gives back what a previous run left: the CLI session to resume, context usage.
 */
export async function establishIdentity(
  client: ApiClient,
  options: WorkerOptions,
  adapter: Adapter,
  logger: Logger,
  signal: AbortSignal,
): Promise<AgentSelf> {
  if (!options.token.startsWith(AGENT_TOKEN_PREFIX)) {
    const contextWindow = options.contextWindow ?? adapter.defaultContextWindow;
    const registered = await client.mutate<{ agentId: string; token: string }>(
      'agents.register',
      {
        name: options.name,
        runtime: adapter.runtime,
        capabilities: options.capabilities,
        maxConcurrency: options.concurrency,
        labels: options.labels,
        ...(contextWindow ? { contextWindow } : {}),
      },
      signal,
    );
    client.setToken(registered.token);
    logger.info({ agentId: registered.agentId, name: options.name }, 'registered');
  }
  const me = await client.query<AgentSelf>('agents.me', undefined, signal);
  logger.info({ agentId: me.id, name: me.name, status: me.status, sessionId: me.sessionId }, 'identified');
  return me;
}
