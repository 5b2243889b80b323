/** Small helpers the stream parsers share: tolerant JSON lines and short, readable summaries. */

export type Json = Record<string, any>;

/** The line as a JSON object, or null when it is not one (a stray log line, say). */
export function parseJsonLine(line: string): Json | null {
  if (!line.startsWith('{')) return null;
  try {
    const value = JSON.parse(line);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Non-empty lines of a block of model text. */
export function textLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
}

/** One line saying what a tool call does: its command, path, pattern or URL. */
export function describeToolInput(input: unknown): string {
  if (!input || typeof input !== 'object') return '';
  const fields = input as Json;
  for (const key of ['command', 'file_path', 'path', 'pattern', 'url', 'query', 'description', 'prompt']) {
    if (typeof fields[key] === 'string') return truncate(fields[key].replace(/\s+/g, ' '), 160);
  }
  return '';
}

export function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Text that reads like a usage, quota or rate limit, in any of the CLIs' wordings. */
export const LIMIT_TEXT =
  /usage limit|rate.?limit|hit your .*limit|reached your .*limit|quota|RESOURCE_EXHAUSTED|too many requests|\b429\b/i;
