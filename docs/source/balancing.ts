import { defineSection } from '../generate/doc-types';
import { AGENT, TASK, TIME, ADMIN_ACTOR } from './examples';

const composite = { capabilityFit: 2, load: 3, affinity: 2, health: 1, successRate: 1.5, latency: 1, breaker: 2 };
const strategyFields = {
  strategy: 'the strategy and, optionally, some of its parameters',
  'strategy.name': 'see the README, “Routing and queueing”, for what each picks',
  'strategy.weights':
    'parameters to change, by name (`balancing.policy` lists each strategy’s, with defaults); unknown names and values that are not finite numbers ≥ 0 are refused',
};

export default defineSection({
  doc: 'api',
  id: 'balancing',
  title: 'Balancing',
  page: '/balancing',
  intro:
    'The routing strategy in force, where work went, and what-if replays of recorded decisions under another strategy.',
  procedures: {
    'balancing.policy': {
      summary:
        'The strategy in force with its parameters, every strategy with its description and defaults, and the latest 20 changes.',
      example: {
        output: {
          current: {
            scope: 'global',
            strategy: 'composite',
            weights: { ...composite, load: 5 },
            changedBy: ADMIN_ACTOR,
            changedAt: TIME.T0 + 5_000,
          },
          strategies: [
            {
              name: 'composite',
              description:
                'Weighted sum of capability fit, free capacity, context affinity, health, recent success rate, latency and breaker state. The default.',
              weights: composite,
            },
          ],
          history: [
            {
              id: 1,
              scope: 'global',
              strategy: 'composite',
              weights: { ...composite, load: 5 },
              changedBy: ADMIN_ACTOR,
              changedAt: TIME.T0 + 5_000,
            },
          ],
        },
      },
      returns: '`{current, strategies, history}`; `current.changedBy` is null while the default was never changed.',
    },
    'balancing.setStrategy': {
      summary:
        'Switches the routing strategy (or its parameters) for every replica at once, recorded with who and when.',
      fields: { scope: 'only `global` today', ...strategyFields },
      example: {
        input: { strategy: { name: 'composite', weights: { load: 5 } } },
        output: {
          scope: 'global',
          strategy: 'composite',
          weights: { ...composite, load: 5 },
          changedBy: ADMIN_ACTOR,
          changedAt: TIME.T0 + 5_000,
        },
      },
      returns: 'the policy now in force: the strategy’s defaults overlaid with the parameters sent.',
    },
    'balancing.distribution': {
      summary:
        'Where work went over a time range: assignments per agent, utilisation now, the imbalance index over time and a utilisation heatmap of agents × time.',
      details:
        'The heatmap has a row for each of the 24 busiest agents (mean utilisation over the range) and one `others` row averaging every other routable agent, so it reads alike at 10 and at 1,000 agents; each sample records the 30 busiest agents by id and the mean of all. Cells are 15 s (`15m`) to 2 h (`7d`) wide, each read from about six samples (past 6 h, 1- or 5-minute rows holding the mean utilisation of each agent over the minute, 0 where it was not among the busiest); `null` where nothing was recorded. `agentId` is null for an agent that no longer exists. `imbalanceSeries` is bucketed as `overview.series`.',
      fields: { range: '`15m`, `1h`, `6h`, `24h` or `7d` (default `15m`)' },
      example: {
        input: { range: '15m' },
        output: {
          at: TIME.T0 + 60_000,
          range: '15m',
          windowMs: 900000,
          assignments: [{ agentId: AGENT.id, agentName: 'my-shell-agent', assignments: 42 }],
          agents: [
            { agentId: AGENT.id, agentName: 'my-shell-agent', activeTasks: 1, maxConcurrency: 2, utilisation: 0.5 },
          ],
          imbalance: 0.18,
          imbalanceSeries: {
            from: TIME.T0 - 840_000,
            to: TIME.T0 + 60_000,
            bucketMs: 5_000,
            buckets: 180,
            points: [{ at: TIME.T0, imbalance: 0.21 }],
          },
          heatmap: {
            from: TIME.T0 - 840_000,
            to: TIME.T0 + 60_000,
            cellMs: 15_000,
            columns: 60,
            rows: [{ agentId: AGENT.id, name: 'my-shell-agent', mean: 0.5, cells: [0.5, 1, null] }],
            others: { count: 976, cells: [0.08, 0.1, null] },
          },
        },
      },
      returns:
        '`imbalance` is the coefficient of variation of utilisation across routable agents: 0 is perfectly even.',
    },
    'balancing.decisions': {
      summary: 'The latest routing decisions, newest first (the same records as `overview.decisions`).',
      fields: { limit: 'how many' },
      example: { input: { limit: 50 }, output: [TASK.decision] },
      returns: 'decision records, as `overview.decisions`.',
    },
    'balancing.whatIf': {
      summary:
        'Replays the latest recorded decisions under another strategy and compares where work would have gone; live routing is untouched.',
      details:
        'A mutation only because it computes over up to 5,000 decisions, which a GET URL should not carry or a cache keep: it changes nothing. Each decision is replayed with its recorded candidates and signals; load is simulated from the agents’ recorded latencies, with a seeded random source so a replay can be repeated.',
      fields: {
        ...strategyFields,
        decisions: 'how many of the latest decisions to replay',
        seed: 'seed of the random choices (`power-of-two`)',
      },
      example: {
        input: { strategy: { name: 'least-loaded' }, decisions: 500 },
        output: {
          strategy: 'least-loaded',
          weights: {},
          decisions: 500,
          changed: 137,
          deferred: 0,
          perAgent: [{ agentId: AGENT.id, agentName: 'my-shell-agent', recorded: 120, replayed: 96 }],
          imbalance: { recorded: 0.31, replayed: 0.12 },
          expectedWaitMs: { recorded: 840, replayed: 310 },
          from: TIME.T0,
          to: TIME.T0 + 600_000,
        },
      },
      returns:
        '`changed`: decisions whose winner differs; `deferred`: ones the strategy would have left queued; per-agent counts, imbalance and mean expected wait, recorded against replayed; `from`/`to`: the decisions’ time span (null without any).',
    },
  },
});
