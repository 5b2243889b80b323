import { defineSection, type OutputOf } from '../generate/doc-types';
import { AGENT, TIME, ADMIN_ACTOR } from './examples';

type Pool = OutputOf<'pools.create'>;

const pool: Pool = {
  id: 'pool_mwu6mub1a2b3c4d5e6f7',
  name: 'script-workers',
  capabilities: ['scripts'],
  provider: 'process',
  providerSettings: {
    command: 'echo "::progress 50 halfway"; sleep 2; echo done',
    env: { EXAMPLE_API_KEY: { set: true } },
  },
  adapter: 'shell',
  agentConcurrency: 1,
  minSize: 0,
  maxSize: 4,
  targetBacklogPerAgent: 2,
  scaleUpCooldownMs: 5000,
  scaleDownCooldownMs: 10000,
  idleTimeoutMs: 30000,
  sleepWindows: [],
  timeZone: 'UTC',
  enabled: true,
  hold: null,
  lastScaleUpAt: null,
  lastScaleDownAt: null,
  createdBy: ADMIN_ACTOR,
  createdAt: TIME.T0,
  updatedAt: TIME.T0,
};
const counts = { size: 2, awake: 2, busy: 1, backlog: 3 };
const byId = { id: 'script-workers' };
const notFound = { NOT_FOUND: 'no pool with that id or name' };

const settingsFields = {
  name: 'lowercase letters, digits and `-`; unique',
  capabilities: 'what its agents can do: the autoscaler counts queued tasks needing these',
  provider:
    'what starts its agents: `simulated` (in process), `process` (`flightdeck agent` child processes), `docker` (containers)',
  providerSettings:
    'the provider’s settings (README, “Pools”); `env` values are write-only: answers show `{"set": true}` in their place',
  adapter: 'the coding CLI its agents run',
  agentConcurrency: 'tasks each agent runs at once',
  minSize: 'agents kept (asleep when idle)',
  maxSize: 'most agents; at least `minSize`',
  targetBacklogPerAgent: 'queued tasks per awake agent the autoscaler aims for',
  scaleUpCooldownMs: 'least time between two scale-ups',
  scaleDownCooldownMs: 'least time between two scale-downs',
  idleTimeoutMs: 'idle this long: agents above `minSize` are removed, those within it sleep',
  sleepWindows:
    '`Mon-Fri 22:00-06:00`, `Sat,Sun 00:00-24:00`, `daily 01:00-05:00`: idle agents sleep and queued work waits',
  timeZone: 'IANA time zone the sleep windows are read in',
  enabled: '`false`: the autoscaler leaves the pool alone',
};

export default defineSection({
  doc: 'api',
  id: 'pools',
  title: 'Pools',
  page: '/pools',
  intro:
    'Pools of managed agents and their autoscaler (README, “Pools”). Every procedure taking an `id` accepts the pool’s id or its name.',
  procedures: {
    'pools.list': {
      summary: 'Every pool with its settings (secrets masked), its agents counted and the backlog it could take.',
      example: { output: [{ ...pool, ...counts }] },
      returns:
        'pools, each with `size`, `awake`, `busy` and `backlog` (queued tasks its capabilities match), and `hold` (what the autoscaler holds back and why, or null).',
    },
    'pools.get': {
      summary:
        'One pool with its agents, each with its restarts and last crash, and whether this server can run its provider.',
      example: {
        input: byId,
        output: {
          pool: { ...pool, ...counts },
          agents: [
            {
              ...AGENT.stored,
              name: 'script-workers-1',
              poolId: pool.id,
              hold: null,
              running: true,
              restarts: 1,
              lastExit: {
                code: 2,
                signal: null,
                stderr: ['flightdeck agent: --command: the shell adapter needs a command template'],
              },
            },
          ],
          providerAvailable: true,
        },
      },
      errors: notFound,
    },
    'pools.providers': {
      summary: 'The provider kinds this server can start agents with.',
      example: { output: ['simulated', 'process', 'docker'] },
    },
    'pools.create': {
      summary: 'Creates a pool; the autoscaler starts agents when tasks needing its capabilities queue up.',
      fields: settingsFields,
      example: {
        input: {
          name: 'script-workers',
          capabilities: ['scripts'],
          provider: 'process',
          adapter: 'shell',
          providerSettings: {
            command: 'echo "::progress 50 halfway"; sleep 2; echo done',
            env: { EXAMPLE_API_KEY: 'sk-example' },
          },
          maxSize: 4,
          idleTimeoutMs: 30000,
          scaleUpCooldownMs: 5000,
          scaleDownCooldownMs: 10000,
        },
        output: pool,
      },
      returns: 'the pool, secrets masked.',
      errors: {
        BAD_REQUEST: '`maxSize` below `minSize`, settings its provider refuses, or a provider this server cannot run',
        CONFLICT: 'a pool with that name exists',
      },
    },
    'pools.update': {
      summary: 'Changes a pool: a patch, the fields sent change and the others keep their values.',
      details:
        '`providerSettings` sent replaces the stored settings, except that an `env` left out keeps the stored one; inside a sent `env`, `{"unchanged": true}` keeps that value, a string replaces it and a name left out is removed.',
      fields: { id: 'the pool’s id or name', ...settingsFields },
      example: {
        input: { id: 'script-workers', sleepWindows: ['Mon-Fri 22:00-06:00'], timeZone: 'Europe/Berlin' },
        output: {
          ...pool,
          sleepWindows: ['Mon-Fri 22:00-06:00'],
          timeZone: 'Europe/Berlin',
          updatedAt: TIME.T0 + 60_000,
        },
      },
      returns: 'the pool after the change, secrets masked.',
      errors: {
        ...notFound,
        BAD_REQUEST:
          '`maxSize` below `minSize`, settings its provider refuses, or `{"unchanged": true}` for a value never saved',
        CONFLICT: 'a new provider while the pool still has agents (scale it to 0 first)',
      },
    },
    'pools.remove': {
      summary: 'Deletes a pool after terminating its agents (their work goes back to the queue).',
      example: { input: byId, output: { terminated: 2 } },
      returns: '`{terminated}`: how many agents it had.',
      errors: notFound,
    },
    'pools.decisions': {
      summary: 'The autoscaler’s decisions for the pool, newest first, each with its reason and inputs.',
      fields: { limit: 'how many' },
      example: {
        input: { id: 'script-workers', limit: 20 },
        output: [
          {
            id: 7,
            poolId: pool.id,
            at: TIME.T0 + 2_000,
            action: 'scale-up',
            delta: 2,
            backlog: 3,
            size: 2,
            awake: 2,
            reason: 'backlog 3 for `scripts`, 0 agents awake, target 2/agent → +2 (start 2)',
            inputs: { backlog: 3 },
            actor: { kind: 'system', id: 'autoscaler', name: 'autoscaler' },
          },
        ],
      },
      returns:
        'records with `action` (`scale-up`, `scale-down`, `sleep`, `hold`, `restart`), `delta` in awake agents, the backlog and sizes it saw, and the reason.',
      errors: notFound,
    },
    'pools.samples': {
      summary: 'Pool size, awake and busy agents against the backlog over a time range, downsampled for the chart.',
      details:
        'The autoscaler records a pool on every change and at least every 5 s while it runs; samples are kept for `FLIGHTDECK_METRICS_RETENTION_MS` (default 7 days). Buckets are those of `overview.series` (epoch-aligned, `bucketMs` wide: 5 s for `15m`, 15 s for `1h`, 90 s for `6h`, 5 min for `24h`, 30 min for `7d`; the last holds now); each point is the peak of its bucket for every value, so a brief scale-up stays visible over a week. Buckets without samples (pool disabled, server down) are absent.',
      fields: { id: 'pool id or name', range: '`15m`, `1h`, `6h`, `24h` or `7d` (default `1h`)' },
      example: {
        input: { id: 'script-workers', range: '1h' },
        output: {
          range: '1h',
          from: TIME.T0 - 3_600_000 + 15_000,
          to: TIME.T0 + 15_000,
          bucketMs: 15_000,
          buckets: 240,
          points: [{ at: TIME.T0, size: 2, awake: 2, busy: 1, backlog: 3 }],
        },
      },
      returns:
        '`{range, from, to, bucketMs, buckets, points}`: `points` oldest first, `at` the start of each bucket (epoch ms), `size` / `awake` / `busy` in agents, `backlog` in queued tasks.',
      errors: notFound,
    },
  },
});
