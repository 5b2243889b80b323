/**
 * How a shutdown spends its time, decided in this one place. The stages run in this order,
 * each bounded, and leave a reserve for the core, so a slow drain still ends in a clean stop
 * before the force-exit timer (`totalMs`) fires.
 */
export interface ShutdownBudget {
  /** Signal to exit. Past it the process kills its agent processes and exits 1. */
  totalMs: number;
  /** Pool agents drain, are told to hand their work back, then are killed (SIGKILL). */
  agentsMs: number;
  /** HTTP requests in flight may finish; then the remaining connections are cut. */
  httpMs: number;
  /** The reserve: the loops' last ticks, the event bus and the database closing. */
  coreMs: number;
}

const AGENTS_SHARE = 0.3;
const HTTP_SHARE = 0.3;

export function shutdownBudget(totalMs: number): ShutdownBudget {
  const agentsMs = Math.floor(totalMs * AGENTS_SHARE);
  const httpMs = Math.floor(totalMs * HTTP_SHARE);
  return { totalMs, agentsMs, httpMs, coreMs: totalMs - agentsMs - httpMs };
}
