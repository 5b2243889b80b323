import { PRIORITIES, type AgentState, type Priority } from '../model';
import type { MetricSample, Store } from '../ports';

export interface Overview {
  agents: Record<AgentState, number>;
  queue: Record<Priority, number>;
  queueTotal: number;
  running: number;
  /** Tasks finished per second over the last minute. */
  throughputPerSec: number;
  /** Succeeded / (succeeded + failed) over the last 15 minutes; null before anything finished. */
  successRate: number | null;
  dispatchP50Ms: number | null;
  dispatchP95Ms: number | null;
  series: MetricSample[];
  at: number;
}

const SERIES_WINDOW_MS = 15 * 60_000;

export async function readOverview(store: Store): Promise<Overview> {
  const [agents, queue, counts, lastMinute, last15, series] = await Promise.all([
    store.stats.agentsByStatus(),
    store.stats.queueDepth(),
    store.stats.activeCounts(),
    store.stats.recent(60_000),
    store.stats.finishedCounts(SERIES_WINDOW_MS),
    store.stats.samples(Date.now() - SERIES_WINDOW_MS),
  ]);
  const finished15 = last15.succeeded + last15.failed;
  // Latency over 15 minutes only when the last minute saw no dispatch (then the window is quiet and cheap).
  const latency = lastMinute.dispatchP95Ms === null ? await store.stats.recent(SERIES_WINDOW_MS) : lastMinute;
  return {
    agents,
    queue,
    queueTotal: PRIORITIES.reduce((n, p) => n + queue[p], 0),
    running: counts.running + counts.assigned,
    throughputPerSec: round((lastMinute.succeeded + lastMinute.failed) / 60),
    successRate: finished15 ? round(last15.succeeded / finished15) : null,
    dispatchP50Ms: latency.dispatchP50Ms,
    dispatchP95Ms: latency.dispatchP95Ms,
    series,
    at: Date.now(),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
