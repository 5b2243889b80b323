/** The rule form's text fields and how they become the API's input. */
export interface RuleDraft {
  name: string;
  metric: string;
  filters: { name: string; op: '=' | '!=' | '=~' | '!~'; value: string }[];
  comparison: string;
  threshold: string;
  /** "90s", "5m", "1h", or seconds. */
  forText: string;
  severity: string;
  /** One `name=value` per line. */
  labelsText: string;
  summary: string;
}

export const EMPTY_RULE_DRAFT: RuleDraft = {
  name: '',
  metric: 'queue_depth',
  filters: [],
  comparison: '>',
  threshold: '',
  forText: '1m',
  severity: 'warning',
  labelsText: '',
  summary: '',
};

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "90s" → 90000, "5m" → 300000, "1h" → 3600000, "30" (seconds) → 30000; null when unreadable. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!m) return null;
  return Math.round(Number(m[1]) * UNIT_MS[m[2] ?? 's']);
}

/** The shortest exact way to say it: 300000 → "5m", 90000 → "90s", 1500 → "1500ms". */
export function formatDurationText(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** `name=value` lines; a line without `=` is an error naming it. */
export function parseLabels(text: string): { labels: Record<string, string>; error: string | null } {
  const labels: Record<string, string> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return { labels, error: `line ${i + 1}: write name=value` };
    labels[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { labels, error: null };
}

export const labelsToText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');

export interface DraftProblems {
  threshold?: string;
  forMs?: string;
  labels?: string;
}

/** The create input, or the problems the form can name before asking the server. */
export function ruleInputFromDraft(d: RuleDraft) {
  const problems: DraftProblems = {};
  const threshold = d.threshold.trim() === '' ? NaN : Number(d.threshold);
  if (!Number.isFinite(threshold)) problems.threshold = 'must be a number';
  const forMs = parseDuration(d.forText);
  if (forMs === null) problems.forMs = 'write a duration: 30s, 5m, 1h';
  const { labels, error } = parseLabels(d.labelsText);
  if (error) problems.labels = error;
  if (Object.keys(problems).length) return { problems, input: null };
  return {
    problems,
    input: {
      name: d.name.trim(),
      metric: d.metric,
      filters: d.filters,
      comparison: d.comparison as '>' | '>=' | '<' | '<=' | '==' | '!=',
      threshold,
      forMs: forMs!,
      severity: d.severity as 'critical' | 'warning' | 'info',
      labels,
      summary: d.summary.trim(),
    },
  };
}
