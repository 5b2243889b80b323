import { defineSection } from '../generate/doc-types';
import { AGENT } from './examples';

export default defineSection({
  doc: 'agent-protocol',
  id: 'agent-registration',
  title: 'Registration and liveness',
  intro:
    'An agent is registered once with an admin token; from then on it acts with the agent token the answer carries, which names it: no call takes an agent id.',
  procedures: {
    'agents.register': {
      summary: 'Registers an agent, or registers it again after a restart, and hands out its agent token.',
      details:
        'Registering a name that exists is idempotent: the same `agentId`, `"reregistered": true` and a new token that replaces the old one at once. Work the agent held is requeued, since a restarted worker lost it.',
      fields: {
        name: 'unique per server: the same name registers the same agent',
        runtime: 'the CLI or kind of worker (`claude`, `shell`…); breakers are also kept per runtime',
        capabilities:
          'what it can do: `"bash"`, or `{"name":"python","level":0.8}` with a proficiency 0..1 (a plain string is level 1)',
        maxConcurrency: 'tasks it runs at once',
        labels: `free key/value pairs; at most {{env FLIGHTDECK_MAX_LABELS}} by default, keys up to 64 and values up to 256 characters`,
        contextWindow: 'its context window in tokens, if it has one',
      },
      example: {
        input: {
          name: 'my-shell-agent',
          capabilities: ['bash', { name: 'python', level: 0.8 }],
          maxConcurrency: 2,
          runtime: 'shell',
          labels: { team: 'docs' },
        },
        output: { agentId: AGENT.id, token: AGENT.token, reregistered: false },
      },
      returns: 'its id, its token (`fda_…`, shown once: keep it) and whether the name existed.',
      errors: { BAD_REQUEST: 'too many labels, or a label key or value too long' },
    },
    'agents.heartbeat': {
      summary:
        'A sign of life, with load, context usage and what the agent’s CLI is doing; the answer says what the agent should do.',
      details: [
        'Send one every `heartbeatIntervalMs` (the answer says how often; {{env FLIGHTDECK_HEARTBEAT_INTERVAL_MS}} ms by default). An agent silent for {{env FLIGHTDECK_UNHEALTHY_AFTER_MS}} ms is `unhealthy`; after {{env FLIGHTDECK_OFFLINE_AFTER_MS}} ms it is `offline` and its work is requeued. Each heartbeat also renews the leases of its running tasks.',
        '',
        'Act on the answer: `status: "terminated"` means stop (an operator or its pool removed it: this token answers only `agents.heartbeat` and `agents.me` now); `consolidate: true` means compact the conversation before new work (routing holds the agent meanwhile); `parkedUntil` is when a rate limit it reported lifts. A heartbeat from a `stopped` agent brings it back.',
      ].join('\n'),
      fields: {
        load: 'share of its own capacity in use (CPU, tokens…)',
        contextUsed: 'tokens of its context window in use',
        contextWindow: 'its context window, if it changed',
        activity: 'what its CLI is doing, as parsed by its adapter',
        'activity.state': '`rate-limited` parks the agent until `resetAt`; `stopping` holds it from new work',
        'activity.detail': 'free text shown on the dashboard',
        'activity.resetAt': 'epoch ms when a rate limit lifts',
        sessionId: 'the CLI conversation to resume after a restart (`null`: start afresh)',
      },
      example: {
        input: {
          load: 0.1,
          contextUsed: 12000,
          contextWindow: 200000,
          activity: { state: 'working', detail: 'running tests' },
        },
        output: { status: 'busy', consolidate: false, parkedUntil: null, heartbeatIntervalMs: 5000 },
      },
      returns:
        '`status` (the agent’s status as the control plane sees it), `consolidate`, `parkedUntil` (epoch ms or null) and `heartbeatIntervalMs`.',
    },
    'agents.me': {
      summary:
        'The calling agent as the server knows it: a restarted worker reads its `sessionId` here to resume its CLI conversation.',
      returns:
        'the agent, as `agents.get` shows it: status, capabilities, labels, load and context, activity, `sessionId`, its breaker state, `hold` (why routing holds it back now, or null), the contexts it holds and the context thresholds.',
      example: { output: AGENT.detail },
    },
    'agents.signOff': {
      summary:
        'A clean stop, sent by a worker that drained: the agent is `stopped` at once and any work it still holds goes back to the queue.',
      details:
        'Better than going silent, which takes the offline timeout to notice. A sleeping agent (its pool stopped the worker) stays `sleeping` and a terminated one `terminated`; `status` says which. Registering again, or a heartbeat, brings a stopped agent back.',
      example: { output: { status: 'stopped', requeued: 0 } },
      returns: 'the agent’s status after the call and how many of its tasks were requeued.',
    },
    'agents.deregister': {
      summary: 'Takes the agent out of the fleet for good: it becomes `terminated` and its active work is requeued.',
      details:
        'Its token then answers only `agents.heartbeat` and `agents.me` (with status `terminated`). Registering the same name again brings it back with a new token.',
      example: { output: { ok: true } },
    },
  },
});
