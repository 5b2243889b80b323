import { z } from 'zod';

/** How much the core stores from one value; configured at the composition root. */
export interface InputLimits {
  /** JSON bytes of a task's result. */
  resultBytes: number;
  progressMessageChars: number;
  labels: { count: number; keyChars: number; valueChars: number };
}

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  resultBytes: 1024 * 1024,
  progressMessageChars: 10_000,
  labels: { count: 32, keyChars: 64, valueChars: 256 },
};

type Issue = { path: (string | number)[]; message: string };

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null) ?? 'null');
}

export function jsonSizeIssue(value: unknown, max: number, path: string): Issue | null {
  const bytes = jsonBytes(value);
  return bytes > max ? { path: [path], message: `must be at most ${max} bytes of JSON (got ${bytes})` } : null;
}

export function textLengthIssue(text: string, max: number, path: string): Issue | null {
  return text.length > max ? { path: [path], message: `must be at most ${max} characters (got ${text.length})` } : null;
}

export function labelIssues(labels: Record<string, string>, limits: InputLimits['labels']): Issue[] {
  const entries = Object.entries(labels);
  const issues: Issue[] = [];
  if (entries.length > limits.count)
    issues.push({ path: ['labels'], message: `must hold at most ${limits.count} labels (got ${entries.length})` });
  for (const [key, value] of entries) {
    if (key.length > limits.keyChars)
      issues.push({ path: ['labels', key.slice(0, 64)], message: `key must be at most ${limits.keyChars} characters` });
    if (value.length > limits.valueChars)
      issues.push({ path: ['labels', key.slice(0, 64)], message: `must be at most ${limits.valueChars} characters` });
  }
  return issues;
}

/** Throws the issues as a validation error, so callers get a 400 naming each field. */
export function rejectIssues(issues: (Issue | null)[]): void {
  const found = issues.filter((i): i is Issue => i !== null);
  // ZodRealError is the Error subclass that parse() throws; plain ZodError is not an Error.
  if (found.length)
    throw new z.ZodRealError(
      found.map((i) => ({ code: 'custom' as const, path: i.path, message: i.message, input: undefined })),
    );
}
