/** The hook form: an event subscription (patterns) or a pre-assignment hook (timeout, fail mode). */
export interface HookDraft {
  kind: 'event' | 'pre-assignment';
  name: string;
  url: string;
  patterns: string[];
  /** Seconds, as typed. */
  timeoutText: string;
  failMode: 'open' | 'closed';
}

export const EMPTY_HOOK_DRAFT: HookDraft = {
  kind: 'event',
  name: '',
  url: '',
  patterns: [],
  timeoutText: '',
  failMode: 'open',
};

/** The default timeouts the server applies when none is given. */
export const DEFAULT_TIMEOUT_S = { event: 10, 'pre-assignment': 2 } as const;

/** `task:*` for every event of the namespace, `*` for all. */
export const namespacesOf = (names: readonly string[]) => [...new Set(names.map((n) => n.split(':')[0]))];

/** Ticking a namespace's `ns:*` makes its single events redundant: keep the pattern list short. */
export function togglePattern(patterns: string[], p: string, on: boolean): string[] {
  if (!on) return patterns.filter((x) => x !== p);
  if (p === '*') return ['*'];
  if (p.endsWith(':*')) {
    const ns = p.slice(0, -1);
    return [...patterns.filter((x) => !x.startsWith(ns)), p];
  }
  return [...patterns, p];
}

/** Whether an event name is covered by the patterns (exact, `ns:*` or `*`). */
export const covered = (patterns: readonly string[], name: string) =>
  patterns.some((p) => p === '*' || p === name || (p.endsWith(':*') && name.startsWith(p.slice(0, -1))));

export function hookInputFromDraft(d: HookDraft) {
  const timeoutText = d.timeoutText.trim();
  const seconds = timeoutText === '' ? null : Number(timeoutText);
  if (seconds !== null && !(Number.isFinite(seconds) && seconds > 0))
    return { problem: 'seconds, such as 2 or 0.5', input: null };
  return {
    problem: null,
    input: {
      kind: d.kind,
      name: d.name.trim(),
      url: d.url.trim(),
      patterns: d.kind === 'event' ? d.patterns : [],
      ...(seconds !== null ? { timeoutMs: Math.round(seconds * 1000) } : {}),
      failMode: d.failMode,
    },
  };
}
