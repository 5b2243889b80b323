const MIN = 60_000;

/** The lengths a silence is usually set for; the server accepts a minute to 30 days. */
export const SILENCE_PRESETS = [
  { label: '15 min', ms: 15 * MIN },
  { label: '1 hour', ms: 60 * MIN },
  { label: '4 hours', ms: 240 * MIN },
  { label: '1 day', ms: 1440 * MIN },
  { label: '1 week', ms: 7 * 1440 * MIN },
] as const;

/** An alert's labels as `=` matchers: a silence made from an alert matches exactly that alert (and its repeats). */
export const matchersFromLabels = (labels: Record<string, string>) =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ({ name, op: '=' as const, value }));

/** `capability="gpu", agent=~"build-.*"`, as the server's formatMatchers says it (kept here: that file carries zod). */
export const formatMatchers = (ms: readonly { name: string; op: string; value: string }[]) =>
  ms.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(', ');
