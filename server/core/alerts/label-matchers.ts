import { z } from 'zod';

/** Alertmanager's four matcher operators: equal, not equal, regex match, regex no-match (anchored). */
export const MATCH_OPS = ['=', '!=', '=~', '!~'] as const;
export type MatchOp = (typeof MATCH_OPS)[number];

export interface LabelMatcher {
  name: string;
  value: string;
  op: MatchOp;
}

export const LabelMatcherInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'name: a label name')
      .max(100)
      .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'name: letters, digits and _'),
    value: z.string().max(500),
    op: z.enum(MATCH_OPS).default('='),
  })
  .superRefine((m, ctx) => {
    if (m.op === '=~' || m.op === '!~') {
      try {
        new RegExp(`^(?:${m.value})$`);
      } catch {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `value: not a valid regular expression: ${m.value}` });
      }
    }
  });

/** A missing label reads as "" (as in Alertmanager): `team!=""` means "has a team". */
export function matchesLabel(m: LabelMatcher, labels: Record<string, string>): boolean {
  const v = labels[m.name] ?? '';
  switch (m.op) {
    case '=':
      return v === m.value;
    case '!=':
      return v !== m.value;
    case '=~':
      return new RegExp(`^(?:${m.value})$`).test(v);
    case '!~':
      return !new RegExp(`^(?:${m.value})$`).test(v);
  }
}

/** Every matcher holds (an empty list matches everything). */
export const matchesAll = (ms: readonly LabelMatcher[], labels: Record<string, string>) =>
  ms.every((m) => matchesLabel(m, labels));

/** `severity="critical", agent=~"build-.*"`: how the UI and notifications show matchers. */
export const formatMatchers = (ms: readonly LabelMatcher[]) =>
  ms.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(', ');
