import { defineSection } from '../generate/doc-types';
import { TASK, TIME } from './examples';

const byState = {
  starting: 0,
  idle: 4,
  busy: 2,
  draining: 0,
  sleeping: 0,
  stopped: 0,
  unhealthy: 0,
  offline: 0,
  terminated: 1,
};
const queue = { critical: 0, high: 1, normal: 3, low: 0, background: 0 };

export default defineSection({
  doc: 'api',
  id: 'overview',
  title: 'Overview',
  page: '/',
  procedures: {
    'overview.get': {
      summary:
        'The fleet at a glance: agents by status, the queue by priority, throughput, success rate and dispatch latency (the charts read `overview.series`).',
      details:
        '`throughputPerSec` counts tasks finished over the last minute; `successRate` is succeeded / (succeeded + failed) over the last 15 minutes (null before anything finished). `dispatchP50Ms` / `dispatchP95Ms` run from a task being queued to its assignment over the last minute (15 minutes when the last minute saw none), so they include the wait for a free agent, not only the routing decision: `decisionP50Us` / `decisionP95Us` are the decision alone (the decision records’ `durationUs`) over the same window, `latencyWindowMs`. `succeeded` / `failed` count the last 15 minutes; `deadLettered` is the dead-letter queue now.',
      example: {
        output: {
          agents: byState,
          queue,
          queueTotal: 4,
          running: 2,
          throughputPerSec: 0.65,
          successRate: 0.9615,
          succeeded: 25,
          failed: 1,
          deadLettered: 0,
          dispatchP50Ms: 188,
          dispatchP95Ms: 367.45,
          decisionP50Us: 180,
          decisionP95Us: 412,
          latencyWindowMs: 60_000,
          at: TIME.T0 + 60_000,
        },
      },
      returns: 'counts, rates and latencies in ms (null without data).',
    },
    'overview.series': {
      summary: 'Throughput, queue depth and agents by status over a time range, downsampled to 180–336 buckets.',
      details:
        'The server samples every 5 s and keeps samples for `FLIGHTDECK_METRICS_RETENTION_MS` (default 7 days): raw for `FLIGHTDECK_METRICS_RAW_MS` (6 h, so `15m`–`6h` are at full resolution), then rolled up into 1-minute rows and, past a day, 5-minute rows that fall whole into the `24h` and `7d` buckets, so every range reads the same sums, means and maxima as from raw samples. Buckets are aligned on the epoch and `bucketMs` wide (5 s for `15m`, 15 s for `1h`, 90 s for `6h`, 5 min for `24h`, 30 min for `7d`); the last one holds now. In each bucket `succeeded` / `failed` are the tasks that finished in it (summed), `queued` and `agents` are mean levels, `dispatchP95Ms` the worst sample, `imbalance` the mean. Buckets without samples (server down) are absent. The tasks behind a throughput bar are `tasks.list` with `since: at, until: at + bucketMs` (finish time).',
      fields: { range: '`15m`, `1h`, `6h`, `24h` or `7d` (default `15m`)' },
      example: {
        input: { range: '1h' },
        output: {
          range: '1h',
          from: TIME.T0 - 3_600_000 + 15_000,
          to: TIME.T0 + 15_000,
          bucketMs: 15_000,
          buckets: 240,
          points: [
            {
              at: TIME.T0,
              queued: queue,
              agents: byState,
              succeeded: 39,
              failed: 1,
              dispatchP95Ms: 350,
              imbalance: 0.21,
            },
          ],
        },
      },
      returns:
        '`{range, from, to, bucketMs, buckets, points}`: `points` oldest first, `at` the start of each bucket (epoch ms).',
    },
    'overview.decisions': {
      summary:
        'The latest routing decisions, newest first, each with its task’s title, its candidates’ scores and the excluded agents with their reasons.',
      fields: { limit: 'how many' },
      example: { input: { limit: 20 }, output: [TASK.decision] },
      returns:
        'decision records: the strategy, the winner, up to 25 candidates with every score term, excluded agents (past 25, one line per reason), `candidateCount` / `excludedCount` counting them all, and the decision time in µs.',
    },
  },
});
