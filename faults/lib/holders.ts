import type { AgentProcess } from './fleet';
import { heldBy } from './invariants';
import type { RunContext } from './scenario-run';
import { sleep } from './wait';

/**
 * The `n` live agents running the most tasks right now (the database says), each at least one.
 * Running, not assigned: with `start: true` a running task is one an agent was handed.
 */
export async function pickHolders(ctx: RunContext, n: number, timeoutMs = 20_000): Promise<AgentProcess[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const live = ctx.fleet.agents.filter((a) => a.alive && a.agentId);
    const held =
      (await heldBy(
        ctx.suite.sql,
        live.map((a) => a.agentId!),
      )) ?? [];
    const count = new Map<string, number>();
    for (const h of held) if (h.status === 'running') count.set(h.agentId, (count.get(h.agentId) ?? 0) + 1);
    const ranked = live
      .filter((a) => count.has(a.agentId!))
      .sort((a, b) => count.get(b.agentId!)! - count.get(a.agentId!)!);
    if (ranked.length >= n) return ranked.slice(0, n);
    if (Date.now() > deadline) throw new Error(`fewer than ${n} agents held tasks for ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

/** When the given agents no longer hold any task (polled every 100 ms); null past the deadline. */
export async function waitForRelease(ctx: RunContext, agentIds: string[], timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const held = await heldBy(ctx.suite.sql, agentIds);
    if (held && held.length === 0) return Date.now();
    await sleep(100);
  }
  return null;
}
