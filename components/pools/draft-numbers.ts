/** Reading numbers typed into a form: empty means "leave it to the server's default". */
export type DraftErrors = Record<string, string>;

/**
 * The number in `raw` (times `scale`: seconds typed, milliseconds sent), undefined when empty;
 * records "must be a number" under `key` otherwise.
 */
export function readNumber(raw: string, key: string, errors: DraftErrors, scale = 1): number | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) {
    errors[key] = 'must be a number';
    return undefined;
  }
  return Math.round(n * scale * 1e6) / 1e6;
}

/** Milliseconds as seconds for an input ("10000" → "10"). */
export const secondsText = (ms: number) => String(ms / 1000);

/** One item per line or comma, trimmed, empties dropped. */
export const splitList = (raw: string, separator: RegExp) =>
  raw
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
