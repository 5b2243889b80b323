import { PRIORITIES, type AgentState, type Priority } from '../model';
import type { Store } from '../ports';

export interface Overview {
  agents: Record<AgentState, number>;
  queue: Record<Priority, number>;
  queueTotal: number;
  running: number;
  /** Tasks finished per second over the last minute. */
  throughputPerSec: number;
  /** Succeeded / (succeeded + failed) over the last 15 minutes, unrounded; null before anything finished. */
  successRate: number | null;
  /** Tasks that succeeded, and that failed or were dead-lettered, over the last 15 minutes. */
  succeeded: number;
  failed: number;
  /** Tasks waiting in the dead-letter queue now. */
  deadLettered: number;
  /** From enqueue to assignment: queue wait plus routing, per attempt (`latencyWindowMs`). */
  dispatchP50Ms: number | null;
  dispatchP95Ms: number | null;
  /** The routing decision alone (the decision records' time), over the same window. */
  decisionP50Us: number | null;
  decisionP95Us: number | null;
  /** The last minute, or 15 minutes when the last minute saw no assignment. */
  latencyWindowMs: number;
  at: number;
}

const SERIES_WINDOW_MS = 15 * 60_000;
const LATENCY_WINDOW_MS = 60_000;

export async function readOverview(store: Store, now: number): Promise<Overview> {
  const [agents, queue, counts, lastMinute, last15, deadLettered] = await Promise.all([
    store.stats.agentsByStatus(),
    store.stats.queueDepth(),
    store.stats.activeCounts(),
    store.stats.recent(LATENCY_WINDOW_MS),
    store.stats.finishedCounts(SERIES_WINDOW_MS),
    store.tasks.countDeadLetters({}),
  ]);
  const finished15 = last15.succeeded + last15.failed;
  // Latency over 15 minutes only when the last minute saw no dispatch (then the window is quiet and cheap).
  const latencyWindowMs = lastMinute.dispatchP95Ms === null ? SERIES_WINDOW_MS : LATENCY_WINDOW_MS;
  const [latency, decisions] = await Promise.all([
    latencyWindowMs === LATENCY_WINDOW_MS ? lastMinute : store.stats.recent(latencyWindowMs),
    store.stats.decisionTimes(latencyWindowMs),
  ]);
  return {
    agents,
    queue,
    queueTotal: PRIORITIES.reduce((n, p) => n + queue[p], 0),
    running: counts.running + counts.assigned,
    // Unrounded: the views print these with the digits they need (96.7 %, not 97.0 %).
    throughputPerSec: (lastMinute.succeeded + lastMinute.failed) / 60,
    successRate: finished15 ? last15.succeeded / finished15 : null,
    succeeded: last15.succeeded,
    failed: last15.failed,
    deadLettered,
    dispatchP50Ms: latency.dispatchP50Ms,
    dispatchP95Ms: latency.dispatchP95Ms,
    decisionP50Us: decisions.p50Us,
    decisionP95Us: decisions.p95Us,
    latencyWindowMs,
    at: now,
  };
}
