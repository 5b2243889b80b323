/** Breakers are keyed by what they guard: one agent, or every agent of a runtime/provider label. */
export type BreakerKind = 'agent' | 'runtime';

export const agentBreakerKey = (agentId: string): string => `agent:${agentId}`;
export const runtimeBreakerKey = (runtime: string): string => `runtime:${runtime}`;

/** `agent:<id>` or `runtime:<label>`; null for anything else. */
export function parseBreakerKey(key: string): { kind: BreakerKind; id: string } | null {
  const m = /^(agent|runtime):(.+)$/s.exec(key);
  return m ? { kind: m[1] as BreakerKind, id: m[2] } : null;
}
