import { defineSection, type OutputOf } from '../generate/doc-types';
import { AGENT, TIME, ADMIN_ACTOR } from './examples';

const notFound = { NOT_FOUND: 'no agent with that id' };
const breaker: OutputOf<'agents.resetBreaker'> = {
  key: `agent:${AGENT.id}`,
  state: 'closed',
  reason: 'reset by admin',
  since: TIME.T0 + 90_000,
  calls: 0,
  failures: 0,
  failureRate: null,
  consecutiveFailures: 0,
  openedAt: null,
  reopensAt: null,
  coolDownMs: 30000,
  probeInFlight: false,
  forcedBy: null,
};
const lifecycle = (
  summary: string,
  status: OutputOf<'agents.drain'>['status'],
  conflict: string,
  details?: string,
) => ({
  summary,
  details,
  example: { input: { id: AGENT.id }, output: { ...AGENT.stored, status } },
  returns: 'the agent after the change.',
  errors: { ...notFound, CONFLICT: conflict },
});

export default defineSection({
  doc: 'api',
  id: 'agents',
  title: 'Agents',
  page: '/agents',
  intro:
    'Operators read the fleet and act on agents; every action is recorded with who made it. An agent’s `status` is one of `starting`, `idle`, `busy`, `draining`, `sleeping`, `stopped`, `unhealthy`, `offline`, `terminated` (see the README, “Status and activity”).',
  procedures: {
    'agents.list': {
      summary:
        'A page of agents, filtered, sorted (names in natural order: `scale-2` before `scale-10`) and paged on the server; terminated agents are hidden unless asked for.',
      fields: {
        search: 'part of the name, of a capability, of a label key or of `key=value` (any case)',
        status: 'keep only agents in these statuses (asking for `terminated` shows terminated agents)',
        includeTerminated:
          'show terminated agents too (default false); they are deleted after `FLIGHTDECK_TERMINATED_RETENTION_MS`',
        ids: 'keep only these agents (up to 500)',
        sort: '`{ by, dir }`: `by` one of `name` (default), `status`, `runtime`, `activeTasks`, `lastHeartbeat`, `registeredAt`; `dir` `asc` (default) or `desc`; ties read in name order',
        limit: 'agents per page, 1–500 (default 50)',
        cursor: 'the `nextCursor` of the previous page (same filter and sort)',
      },
      example: {
        input: { search: 'team=red', sort: { by: 'name', dir: 'asc' }, limit: 50 },
        output: {
          items: [AGENT.listed],
          nextCursor: null,
          total: 1,
          counts: {
            registered: 1000,
            healthy: 0,
            terminated: 12,
            byStatus: {
              starting: 0,
              idle: 0,
              busy: 0,
              draining: 0,
              sleeping: 0,
              stopped: 0,
              unhealthy: 1000,
              offline: 0,
              terminated: 12,
            },
          },
        },
      },
      returns:
        '`items`: one page of agents, each with routing’s view of it: `breaker` (its circuit breaker’s state) and `hold` (why routing holds it back now: rate-limited, context full…, or null). `nextCursor`: pass it back for the next page (null on the last). `total`: agents matching the filter. `counts`: the whole fleet whatever the filter: `registered` (not terminated), `healthy` (idle or busy), `terminated`, and `byStatus`.',
    },
    'agents.get': {
      summary:
        'One agent, with its breaker state, what holds it back, the contexts it holds and the context thresholds.',
      example: { input: { id: AGENT.id }, output: AGENT.detail },
      errors: notFound,
    },
    'agents.breaker': {
      summary: 'The agent’s circuit breaker and its runtime’s, with their recent transitions.',
      example: {
        input: { id: AGENT.id },
        output: {
          agent: { ...breaker, reason: null, since: null, calls: 20, failures: 2, failureRate: 0.1 },
          runtime: {
            ...breaker,
            key: 'runtime:shell',
            reason: null,
            since: null,
            calls: 20,
            failures: 2,
            failureRate: 0.1,
          },
          history: [
            {
              key: `agent:${AGENT.id}`,
              from: 'half-open',
              to: 'closed',
              reason: 'probe succeeded',
              at: TIME.T0 + 52_000,
            },
            {
              key: `agent:${AGENT.id}`,
              from: 'closed',
              to: 'open',
              reason: '5 consecutive failures',
              at: TIME.T0 + 20_000,
            },
          ],
        },
      },
      returns:
        'both breakers (state `closed`, `open` or `half-open`, the failure counts over the sliding window, when an open one turns half-open) and `history`.',
      errors: notFound,
    },
    'agents.drain': lifecycle(
      'Stops giving the agent new work; what it runs finishes.',
      'draining',
      'the agent is already draining, or sleeping, stopped, offline or terminated',
    ),
    'agents.resume': lifecycle('Puts a draining agent back into rotation.', 'idle', 'the agent is not draining'),
    'agents.sleep': lifecycle(
      'Puts an idle agent holding no work to sleep; a pool’s agent is also stopped by its provider, its session kept.',
      'sleeping',
      'the agent holds work (drain it first) or is not idle',
    ),
    'agents.wake': lifecycle(
      'Wakes a sleeping agent; a pool’s agent is started again and counts as `starting` until its first heartbeat.',
      'idle',
      'the agent is not sleeping',
    ),
    'agents.terminate': {
      summary:
        'Removes the agent from the fleet: its work goes back to the queue, and its worker hears `terminated` at its next heartbeat and stops.',
      details:
        'A pool’s agent is also stopped and removed by its provider. Terminating a terminated agent changes nothing. `requeued` counts the tasks it held that went back to the queue.',
      returns: '`{ok: true, requeued}`.',
      example: { input: { id: AGENT.id }, output: { ok: true, requeued: 0 } },
      errors: notFound,
    },
    'agents.logs': {
      summary:
        'A managed agent’s recent output (stdout and stderr), from the provider that runs it; empty for agents no pool manages.',
      fields: { tail: 'lines from the end' },
      example: {
        input: { id: AGENT.id, tail: 100 },
        output: { logs: 'flightdeck agent: registered as script-workers-1\n', managed: true },
      },
      returns: '`{logs, managed}`; `logs` says why when the provider cannot read them.',
      errors: notFound,
    },
    'agents.resetBreaker': {
      summary:
        'Closes the agent’s (or its runtime’s) circuit breaker and clears its window, recorded with the operator’s name.',
      fields: { scope: 'the agent’s own breaker, or the one of its runtime' },
      example: { input: { id: AGENT.id, scope: 'agent' }, output: breaker },
      returns: 'the breaker after the change.',
      errors: notFound,
    },
    'agents.forceOpenBreaker': {
      summary:
        'Opens the agent’s (or its runtime’s) circuit breaker by hand: routing skips it until an operator resets it (no cool-down ends a forced opening).',
      fields: { scope: 'the agent’s own breaker, or the one of its runtime' },
      example: {
        input: { id: AGENT.id, scope: 'runtime' },
        output: {
          ...breaker,
          key: 'runtime:shell',
          state: 'open',
          reason: 'forced open by admin',
          openedAt: TIME.T0 + 90_000,
          forcedBy: ADMIN_ACTOR,
        },
      },
      returns: 'the breaker after the change.',
      errors: notFound,
    },
  },
});
