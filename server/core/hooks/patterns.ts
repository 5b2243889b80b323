import { invalid } from '../errors';
import { HOOK_EVENT_NAMES } from './catalogue';

/** `*` (every event), `task:*` (a namespace), or an exact catalogue name. */
export function matchesPattern(pattern: string, event: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith(':*')) return event.startsWith(pattern.slice(0, -1));
  return pattern === event;
}

export const matchesAny = (patterns: readonly string[], event: string): boolean =>
  patterns.some((p) => matchesPattern(p, event));

/** Refuses a pattern that can match no catalogue event, naming the field and the offending entry. */
export function validatePatterns(patterns: readonly string[], field = 'patterns'): string[] {
  if (!patterns.length)
    throw invalid(`${field}: give at least one event name or pattern (\`task:*\`, \`*\`)`, { field });
  patterns.forEach((p, i) => {
    if (!HOOK_EVENT_NAMES.some((name) => matchesPattern(p, name)))
      throw invalid(`${field}[${i}]: \`${p}\` matches no hook event (see hooks.catalogue)`, {
        field: `${field}[${i}]`,
      });
  });
  return [...new Set(patterns)];
}
